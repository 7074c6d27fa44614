import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getDb } from '@/server/db';
import { getAuthOptions } from './options';
import { resolveSession, type SessionUser } from './resolveSession';
import { decodeSessionToken } from './sessionToken';

export type { SessionUser } from './resolveSession';

/** next-auth's session cookie: `__Secure-` on https sites; split into `.0`, `.1`… when over 4 kB. */
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The signed-in user, from next-auth's session cookie (its token format, its secret) and one read of the account (its
 * session version, whether it is active, its site rights): next-auth's getServerSession builds its whole handler for
 * every call, and every API request and page asks. A missing, expired, forged or ended session is no user. Memoised
 * per request (React's cache): the header and the page share the one read.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Marks the render as per-request first, so a build-time prerender stops here before reading the secret.
  await connection();
  return sessionUserFromCookies(await cookies());
});

/**
 * The same from a request's Cookie header, for the requests Node's server answers without Next (server.mjs,
 * submissionRequests.ts), parsed as Next parses it.
 */
export function sessionUserFromCookieHeader(header: string | undefined): Promise<SessionUser | null> {
  return sessionUserFromCookies(cookiesOfHeader(header));
}

/** A Cookie header as a cookie store: a later cookie of the same name wins, one that does not decode is left out. */
export function cookiesOfHeader(header: string | undefined): { get(name: string): { value: string } | undefined } {
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
  return { get: (name) => (cookies.has(name) ? { value: cookies.get(name)! } : undefined) };
}

async function sessionUserFromCookies(store: { get(name: string): { value: string } | undefined }): Promise<SessionUser | null> {
  const cookie = sessionCookie(store);
  if (!cookie) return null;
  const decoded = await decodeSessionToken({ token: cookie.value, secret: getAuthOptions().secret! }).catch(() => null);
  return decoded ? resolveSession(await getDb(), decoded) : null;
}

/** The session cookie's name and (joined) value, if the request has one. */
export function sessionCookie(store: { get(name: string): { value: string } | undefined }): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const whole = store.get(name)?.value;
    if (whole) return { name, value: whole };
    const chunks: string[] = [];
    for (let i = 0; store.get(`${name}.${i}`); i++) chunks.push(store.get(`${name}.${i}`)!.value);
    if (chunks.length > 0) return { name, value: chunks.join('') };
  }
  return null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
