import {
  insertInvitation,
  selectInvitationByTokenHash,
  takeUpInvitations as takeUpInvitationRows,
  type Course,
  type CourseInvitation,
  type CourseRole,
  type Database,
} from '@deltalab/db';
import { invitationMail } from '@/server/mail/messages';
import { mailEnabled, sendMail } from '@/server/mail/mailer';
import { roleName } from '@/server/auth/permissions';
import { hashSecret, newSecret, secretInput } from './secretLinks';

/**
 * Turns an account's pending invitations into enrollments. `proven`: the person showed they read that mailbox (the
 * invitation's link, or an OAuth provider's checked address): every invitation is taken up. Otherwise (a sign-up with
 * that email, which nobody checks) only the student ones: a staff role is never given to whoever typed an address
 * first.
 */
export function claimInvitations(
  db: Database,
  user: { id: string; email: string },
  options: { proven: boolean },
): Promise<{ courseId: string; role: CourseRole }[]> {
  return takeUpInvitationRows(db, user, { studentsOnly: !options.proven });
}

export interface IssuedInvitation {
  invitation: CourseInvitation;
  /** The link to pass on (shown once to whoever invited when the site sends no email); null when it was emailed. */
  link: string | null;
  /** Why the email could not be sent (the link is then shown instead). */
  mailProblem: string | null;
}

/** Stores an invitation with a fresh link, and emails the link when the site sends email. Null: already invited. */
export async function issueInvitation(
  db: Database,
  input: { course: Pick<Course, 'id' | 'title'>; email: string; role: CourseRole; name?: string | null; section?: string | null },
  inviter: { id: string; name: string },
  baseUrl: string,
): Promise<IssuedInvitation | null> {
  const secret = newSecret();
  const invitation = await insertInvitation(db, {
    courseId: input.course.id,
    email: input.email,
    role: input.role,
    name: input.name ?? null,
    section: input.section ?? null,
    tokenHash: secret.hash,
    invitedBy: inviter.id,
  });
  if (!invitation) return null;
  const link = invitationUrl(baseUrl, secret.token);
  const mailProblem = await mailInvitation({
    to: invitation.email,
    courseTitle: input.course.title,
    role: input.role,
    url: link,
    invitedBy: inviter.name,
  });
  return { invitation, link: mailEnabled() && !mailProblem ? null : link, mailProblem };
}

export const invitationUrl = (baseUrl: string, token: string) => `${baseUrl}/invitation?token=${token}`;

/** Emails an invitation when the site sends email; returns why it failed, or null (sent, or no email configured). */
export async function mailInvitation(input: Parameters<typeof invitationMail>[0]): Promise<string | null> {
  if (!mailEnabled()) return null;
  try {
    await sendMail(invitationMail(input));
    return null;
  } catch (error) {
    console.error(`Emailing the invitation to ${input.to} failed`, error);
    return `The email to ${input.to} could not be sent (${error instanceof Error ? error.message : String(error)}).`;
  }
}

export type InvitationLookup = { ok: true; invitation: CourseInvitation; course: Course } | { ok: false; message: string };

/** The invitation a link's secret stands for, or why the link does not work. */
export async function invitationByToken(db: Database, token: unknown): Promise<InvitationLookup> {
  const parsed = secretInput.safeParse(token);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const found = await selectInvitationByTokenHash(db, hashSecret(parsed.data));
  if (!found)
    return {
      ok: false,
      message: 'This invitation has been used or withdrawn. If you already have an account, sign in; otherwise ask the course’s staff.',
    };
  if (found.course.archivedAt) return { ok: false, message: `${found.course.title} is archived: it takes no new members.` };
  return { ok: true, ...found };
}

/** "teaching assistant of Deep Learning": what an invitation makes of its invitee. */
export function invitationSummary(invitation: Pick<CourseInvitation, 'role'>, course: Pick<Course, 'title'>): string {
  return `${roleName(invitation.role)} of ${course.title}`;
}
