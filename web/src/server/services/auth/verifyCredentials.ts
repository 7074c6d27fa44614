import { z } from 'zod';
import { selectOptionalUserByEmail, type Database, type User } from '@deltalab/db';
import { verifyPassword } from './passwords';
import { deactivatedMessage } from './findOrCreateOAuthUser';

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address').email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password'),
});

type CredentialsFailure = 'invalid-input' | 'unknown-email' | 'no-password' | 'wrong-password' | 'deactivated';

export type CredentialsResult =
  { ok: true; user: Pick<User, 'id' | 'email' | 'name' | 'sessionVersion'> } | { ok: false; reason: CredentialsFailure; message: string };

/** Checks an email + password sign-in; each way it can fail has its own message. */
export async function verifyCredentials(db: Database, input: unknown): Promise<CredentialsResult> {
  const parsed = credentialsInput.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-input', message: parsed.error.issues[0]?.message ?? 'Invalid sign-in form' };
  }
  const { email, password } = parsed.data;
  const user = await selectOptionalUserByEmail(db, email);
  if (!user) {
    return { ok: false, reason: 'unknown-email', message: `No account uses ${email}. Check the address or sign up.` };
  }
  if (!user.passwordHash) {
    return {
      ok: false,
      reason: 'no-password',
      message: 'This account has no password: sign in with GitHub or Google, or use the link to set a password you were given.',
    };
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    return { ok: false, reason: 'wrong-password', message: 'Wrong password for this account. Try again.' };
  }
  // Only after the password: a stranger learns nothing about an account from its being deactivated.
  if (user.deactivatedAt) return { ok: false, reason: 'deactivated', message: deactivatedMessage };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
