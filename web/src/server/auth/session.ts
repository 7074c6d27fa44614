import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getAuthOptions } from './options';

export type SessionUser = Session['user'];

export async function getSessionUser(): Promise<SessionUser | null> {
  // Marks the render as per-request first, so a build-time prerender stops here before reading the secret.
  await connection();
  const session = await getServerSession(getAuthOptions());
  return session?.user?.id ? session.user : null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages only instructors may see: others get the 403 page (app/forbidden.tsx). */
export async function requireInstructor(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'instructor' && user.role !== 'admin') forbidden();
  return user;
}
