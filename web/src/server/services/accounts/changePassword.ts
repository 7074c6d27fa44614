import { z } from 'zod';
import { bumpSessionVersion, selectUserById, updateUserPassword, type Database } from '@deltalab/db';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { newPasswordInput } from './newPassword';

const changePasswordInput = z
  .object({
    current: z.string({ error: 'Enter your current password' }).max(200, 'Password must be at most 200 characters'),
    password: newPasswordInput(),
    confirm: z.string({ error: 'Repeat the new password' }),
  })
  .strict()
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two new passwords differ' });

export type ChangePasswordField = keyof z.input<typeof changePasswordInput>;

/**
 * A signed-in user changes their password (giving the current one; an account that signs in only through OAuth sets its
 * first). Every session of the account ends; the returned session version lets the session that asked go on.
 */
export async function changePassword(
  db: Database,
  userId: string,
  input: unknown,
): Promise<{ ok: true; sessionVersion: number } | FormRefusal<ChangePasswordField>> {
  const parsed = changePasswordInput.safeParse(input);
  if (!parsed.success) return formRefusal<ChangePasswordField>(parsed.error);
  const user = await selectUserById(db, userId);
  if (user.passwordHash && !(await verifyPassword(parsed.data.current, user.passwordHash)))
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: { current: 'This is not your current password' } };
  const sessionVersion = await updateUserPassword(db, userId, await hashPassword(parsed.data.password));
  return { ok: true, sessionVersion };
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function signOutEverywhere(db: Database, userId: string): Promise<void> {
  await bumpSessionVersion(db, userId);
}
