/**
 * Talking to the built site over HTTP as a browser does, for the benchmarks: a cookie jar, sign-in through
 * next-auth's credentials callback, sign-up through the page's server action.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export class CookieJar {
  private cookies = new Map<string, string>();
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export async function signIn(base: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  jar.store(response);
  if (!jar.header().includes('session-token')) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return jar;
}

/** The id Next gave the sign-up page's server action in this build (server-reference-manifest.json). */
export function signUpActionId(webDir: string): string {
  const manifest = JSON.parse(readFileSync(join(webDir, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === 'signUpAction' && 'app/signup/page' in action.workers,
  );
  if (!found) throw new Error('signUpAction is not in this build’s server-reference-manifest.json');
  return found[0];
}

/** Signs up through the sign-up page's server action (as the form does), then signs in. */
export async function signUp(
  base: string,
  actionId: string,
  account: { name: string; email: string; password: string; joinCode: string },
): Promise<CookieJar> {
  const response = await fetch(`${base}/signup`, {
    method: 'POST',
    headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    body: JSON.stringify([account]),
  });
  const text = await response.text();
  if (!response.ok || !text.includes('"ok":true'))
    throw new Error(`sign-up of ${account.email} failed (HTTP ${response.status}): ${text.slice(0, 300)}`);
  return signIn(base, account.email, account.password);
}
