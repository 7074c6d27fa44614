import 'server-only';
import type { Session } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getAuthOptions, sessionUserFromToken } from './options';
import { decodeSessionToken } from './sessionToken';

export type SessionUser = Session['user'];

/** next-auth's session cookie: `__Secure-` on https sites; split into `.0`, `.1`… when over 4 kB. */
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The signed-in user, read straight from next-auth's session cookie (its token format, its secret, its session
 * callback's mapping): next-auth's getServerSession builds its whole handler for every call, and every API request
 * and page asks. A missing, expired or forged cookie is no user.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  // Marks the render as per-request first, so a build-time prerender stops here before reading the secret.
  await connection();
  return sessionUserFromCookies(await cookies());
}

/**
 * The same from a request's Cookie header, for the requests Node's server answers without Next (server.mjs,
 * submissionRequests.ts). Parsed as Next parses it: a later cookie of the same name wins, one that does not decode is
 * left out.
 */
export function sessionUserFromCookieHeader(header: string | undefined): Promise<SessionUser | null> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(/; */)) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // not percent-decodable: Next leaves it out too
    }
  }
  return sessionUserFromCookies({ get: (name) => (cookies.has(name) ? { value: cookies.get(name)! } : undefined) });
}

async function sessionUserFromCookies(store: { get(name: string): { value: string } | undefined }): Promise<SessionUser | null> {
  const token = sessionCookie(store);
  if (!token) return null;
  const decoded = await decodeSessionToken({ token, secret: getAuthOptions().secret! }).catch(() => null);
  const user = decoded ? sessionUserFromToken(decoded) : null;
  return user?.id ? user : null;
}

export function sessionCookie(store: { get(name: string): { value: string } | undefined }): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = store.get(name)?.value;
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; store.get(`${name}.${i}`); i++) chunks.push(store.get(`${name}.${i}`)!.value);
    if (chunks.length > 0) return chunks.join('');
  }
  return null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
