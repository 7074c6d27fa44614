import 'server-only';
import type { NextResponse } from 'next/server';
import { env, getAuthSecret } from '@/env';
import { accountToken } from '../auth/issueSession';
import { decodeSessionToken, encodeSessionToken, sessionMaxAgeSeconds } from '../auth/sessionToken';

/** Whether the site is served over https (the session cookie is then `__Secure-`). */
const secure = () => (env.NEXTAUTH_URL ?? '').startsWith('https:');

/**
 * Signs the launched user in: the same session cookie next-auth's sign-in writes, set on the launch's redirect. (A
 * launch is a top-level form post from the LMS's origin: the cookie is set on the answer and sent from the redirect on,
 * which is same-site. Deltalab's pages refuse to be framed, so the LMS opens it in a new window or tab.)
 */
export async function setSessionCookie(
  response: NextResponse,
  account: { id: string; email: string; name: string; sessionVersion: number },
): Promise<void> {
  const value = await encodeSessionToken({ token: accountToken(account), secret: getAuthSecret(), maxAge: sessionMaxAgeSeconds });
  response.cookies.set(secure() ? '__Secure-next-auth.session-token' : 'next-auth.session-token', value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(),
    maxAge: sessionMaxAgeSeconds,
  });
}

/**
 * What a launch proved about the user in one LMS context, for the link and deep-linking steps that follow it: their
 * account, the context and the course role their LMS roles map to. Encrypted with the site's secret, an hour long.
 */
export interface LaunchGrant {
  userId: string;
  contextId: string;
  role: 'instructor' | 'teaching-assistant' | 'student';
  deepLinkId?: string;
}
export const LAUNCH_GRANT_COOKIE = 'deltalab-lti-launch';
const SALT = 'deltalab-lti-launch';

export async function setLaunchGrant(response: NextResponse, grant: LaunchGrant): Promise<void> {
  const value = await encodeSessionToken({ token: { ...grant }, secret: getAuthSecret(), maxAge: 3600, salt: SALT });
  response.cookies.set(LAUNCH_GRANT_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/api/lti', secure: secure(), maxAge: 3600 });
}

export async function readLaunchGrant(value: string | undefined): Promise<LaunchGrant | null> {
  if (!value) return null;
  const token = await decodeSessionToken({ token: value, secret: getAuthSecret(), salt: SALT }).catch(() => null);
  if (!token || typeof token.userId !== 'string' || typeof token.contextId !== 'string') return null;
  return token as unknown as LaunchGrant;
}
