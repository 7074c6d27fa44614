import { z } from 'zod';
import {
  consumePasswordLink,
  insertPasswordLink,
  selectPasswordLink,
  updateUserPassword,
  type Database,
  type PasswordLinkPurpose,
  type User,
} from '@deltalab/db';
import { passwordLinkMail } from '@/server/mail/messages';
import { mailEnabled, sendMail } from '@/server/mail/mailer';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import { hashPassword } from '../auth/passwords';
import { forgiveAccountFailures } from '../auth/signInThrottle';
import { hashSecret, newSecret, secretInput } from '../people/secretLinks';
import { newPasswordInput } from './newPassword';

/** How long a password link works: a day, so a link sent in the evening still works the next morning. */
export const passwordLinkValidMs = 24 * 60 * 60 * 1000;

export interface IssuedPasswordLink {
  /** The link: shown to whoever issued it when the site sends no email (or the email failed); null when emailed. */
  link: string | null;
  expiresAt: Date;
  /** Emailed to the account's address. */
  emailed: boolean;
  /** Why the email failed (the link is shown instead). */
  mailProblem: string | null;
}

/**
 * A one-time link to set the account's password, valid for 24 hours; older unused links of the account stop working.
 * With SMTP_URL it goes to the account's email (and is not shown: whoever issued it never holds the account's key);
 * without, it is returned for the issuer to pass on.
 */
export async function issuePasswordLink(
  db: Database,
  input: { user: Pick<User, 'id' | 'email' | 'name'>; purpose: PasswordLinkPurpose; createdBy: string | null; baseUrl: string; now?: Date },
): Promise<IssuedPasswordLink> {
  const secret = newSecret();
  const expiresAt = new Date((input.now ?? new Date()).getTime() + passwordLinkValidMs);
  await db.transaction((tx) =>
    insertPasswordLink(tx, {
      userId: input.user.id,
      purpose: input.purpose,
      tokenHash: secret.hash,
      createdBy: input.createdBy,
      expiresAt,
    }),
  );
  const link = `${input.baseUrl}/password?token=${secret.token}`;
  if (!mailEnabled()) return { link, expiresAt, emailed: false, mailProblem: null };
  try {
    await sendMail(
      passwordLinkMail({ to: input.user.email, name: input.user.name, url: link, validForMs: passwordLinkValidMs, purpose: input.purpose }),
    );
    return { link: null, expiresAt, emailed: true, mailProblem: null };
  } catch (error) {
    console.error(`Emailing the password link to ${input.user.email} failed`, error);
    const reason = error instanceof Error ? error.message : String(error);
    return { link, expiresAt, emailed: false, mailProblem: `The email to ${input.user.email} could not be sent (${reason}).` };
  }
}

const linkProblems = {
  unknown: 'This link is not valid: it may be mistyped, or a newer link was issued for the account. Ask for a new one.',
  used: 'This link was already used: a link sets a password once. Sign in, or ask for a new link.',
  expired: 'This link has expired (links work for 24 hours). Ask for a new one.',
} as const;

export type PasswordLinkView = { ok: true; email: string; name: string; purpose: PasswordLinkPurpose } | { ok: false; message: string };

/** What the link page shows: whose password the link sets, or why it does not work. Uses nothing. */
export async function viewPasswordLink(db: Database, token: unknown): Promise<PasswordLinkView> {
  const parsed = secretInput.safeParse(token);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const state = await selectPasswordLink(db, hashSecret(parsed.data));
  if (!state.ok) return { ok: false, message: linkProblems[state.reason] };
  if (state.user.deactivatedAt) return { ok: false, message: 'This account is deactivated: its password cannot be set.' };
  return { ok: true, email: state.user.email, name: state.user.name, purpose: state.link.purpose };
}

const setPasswordInput = z
  .object({
    token: z.string({ error: 'The link is missing' }),
    password: newPasswordInput(),
    confirm: z.string({ error: 'Repeat the password' }),
  })
  .strict()
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ' });

export type SetPasswordField = 'password' | 'confirm';

/**
 * Sets the account's password through a one-time link: the new password is checked first (a typo does not use up the
 * link), then the link is used and the password set in one transaction. Every session of the account ends; its
 * failed sign-ins are forgiven.
 */
export async function setPasswordWithLink(
  db: Database,
  input: unknown,
): Promise<{ ok: true; email: string } | FormRefusal<SetPasswordField>> {
  const parsed = setPasswordInput.safeParse(input);
  if (!parsed.success) return formRefusal<SetPasswordField>(parsed.error);
  const token = secretInput.safeParse(parsed.data.token);
  if (!token.success) return { ok: false, message: token.error.issues[0]!.message, fieldErrors: {} };
  // A deactivated account's link is refused before it is used: it works again once the account is reactivated.
  const before = await viewPasswordLink(db, token.data);
  if (!before.ok) return { ok: false, message: before.message, fieldErrors: {} };
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx): Promise<{ ok: true; email: string } | FormRefusal<SetPasswordField>> => {
    const used = await consumePasswordLink(tx, hashSecret(token.data));
    if (!used.ok) return { ok: false, message: linkProblems[used.reason], fieldErrors: {} };
    await updateUserPassword(tx, used.user.id, passwordHash);
    await forgiveAccountFailures(tx, used.user.email);
    return { ok: true, email: used.user.email };
  });
}
