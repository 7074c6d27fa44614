import 'server-only';
import { cookies } from 'next/headers';
import type { JWT } from 'next-auth/jwt';
import { getAuthOptions } from './options';
import { sessionCookie } from './session';
import { encodeSessionToken, sessionMaxAgeSeconds } from './sessionToken';

/**
 * Replaces the session cookie of this request's browser with one for `token` (a server action's answer carries it):
 * the session that changed its own password goes on under the new session version; a staff member enters or leaves a
 * course's student view. The cookie keeps the name next-auth gave it (`__Secure-` on https sites).
 */
export async function issueSessionCookie(token: JWT): Promise<void> {
  const store = await cookies();
  const name = sessionCookie(store)?.name ?? 'next-auth.session-token';
  for (const { name: other } of store.getAll()) if (other.startsWith(`${name}.`)) store.delete(other);
  const value = await encodeSessionToken({ token, secret: getAuthOptions().secret!, maxAge: sessionMaxAgeSeconds });
  store.set(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: name.startsWith('__Secure-'),
    maxAge: sessionMaxAgeSeconds,
  });
}

/** The token of a plain session of this account (what next-auth's sign-in writes). */
export function accountToken(account: { id: string; email: string; name: string; sessionVersion: number }): JWT {
  return { sub: account.id, email: account.email, name: account.name, sv: account.sessionVersion };
}
