import { z } from 'zod';
import { selectOptionalUserByEmail, type Database, type User } from '@deltalab/db';
import { verifyPassword } from './passwords';

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address').email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password'),
});

type CredentialsFailure = 'invalid-input' | 'unknown-email' | 'no-password' | 'wrong-password';

export type CredentialsResult =
  { ok: true; user: Pick<User, 'id' | 'email' | 'name' | 'role'> } | { ok: false; reason: CredentialsFailure; message: string };

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
    return { ok: false, reason: 'no-password', message: 'This account signs in with GitHub or Google, not a password.' };
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    return { ok: false, reason: 'wrong-password', message: 'Wrong password for this account. Try again.' };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
