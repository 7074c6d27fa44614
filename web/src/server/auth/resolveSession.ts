import { selectSessionAccount, type Database } from '@deltalab/db';
import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';

export type SessionUser = Session['user'];

/**
 * The signed-in user a session token stands for, or null when the session has ended: the account is gone or
 * deactivated, or its session version moved past the token's (a password change, "sign out everywhere"). One read of
 * the users table by primary key: the only database read a request makes for its session. A test student's session
 * (`studentViewOf`) is checked against the staff account behind it.
 */
export async function resolveSession(db: Database, token: JWT): Promise<SessionUser | null> {
  if (!token.sub) return null;
  const account = await selectSessionAccount(db, token.studentViewOf ?? token.sub);
  if (!account || account.deactivatedAt !== null || account.sessionVersion !== (token.sv ?? 0)) return null;
  if (token.studentViewOf) {
    return {
      id: token.sub,
      email: token.email ?? '',
      name: token.name ?? 'Test student',
      isAdmin: false,
      canCreateCourses: false,
      studentViewOf: { id: account.id, name: account.name },
    };
  }
  return { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin, canCreateCourses: account.canCreateCourses };
}
