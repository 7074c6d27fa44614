import { z } from 'zod';
import {
  enrollUser,
  insertUser,
  listInvitationsForEmail,
  selectCourseByJoinCode,
  selectOptionalUserByEmail,
  setCurrentCourse,
  type Database,
} from '@deltalab/db';
import { isStaffRole, roleName } from '@/server/auth/permissions';
import { archivedCourse, unknownJoinCode } from '../courses/joinCourse';
import { storableString } from '../../storableText';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import { newPasswordInput } from '../accounts/newPassword';
import { claimInvitations, invitationByToken } from '../people/invitations';
import { hashPassword } from './passwords';

const signUpInput = z
  .object({
    name: storableString().trim().min(1, 'Enter your name').max(100, 'Name must be at most 100 characters'),
    email: storableString()
      .trim()
      .toLowerCase()
      .min(1, 'Enter your email address')
      .max(254, 'Email must be at most 254 characters')
      .email('Enter a valid email address, like name@example.com'),
    password: newPasswordInput(),
    /** Empty for someone invited (by link, or added to a roster by email). */
    joinCode: storableString().trim().toUpperCase().max(32, 'Join codes are at most 32 characters').default(''),
    /** The secret of the invitation link the person followed, if any. */
    invitation: storableString().max(100, 'The invitation link is too long').optional(),
  })
  .strict();

export type SignUpField = keyof z.infer<typeof signUpInput>;

const noJoinCode = 'Enter the join code your instructor gave you';

export type SignUpResult = { ok: true; userId: string; courseId: string; email: string } | FormRefusal<SignUpField>;

/**
 * Creates an account. It joins the course whose join code was given as a student, and takes up its email's pending
 * invitations: all of them when it came through an invitation's link (the person holds that mailbox), only the
 * student ones otherwise (nobody checks the address a sign-up types, and a staff role is not for whoever types first).
 * Someone added to a roster by email needs no join code.
 */
export async function signUp(db: Database, input: unknown): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(input);
  if (!parsed.success) {
    const refusal = formRefusal<SignUpField>(parsed.error);
    // All the form's problems at once: an empty join code too (unless invited), though it is decided after the rest.
    const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    if (Object.keys(refusal.fieldErrors).length > 0 && !fields.invitation && !String(fields.joinCode ?? '').trim())
      refusal.fieldErrors.joinCode ??= noJoinCode;
    return refusal;
  }
  const { name, email, password, joinCode, invitation: token } = parsed.data;

  let proven = false;
  let invitedTo: string | null = null;
  if (token !== undefined) {
    const found = await invitationByToken(db, token);
    if (!found.ok) return { ok: false, message: found.message, fieldErrors: {} };
    if (found.invitation.email !== email)
      return {
        ok: false,
        message: 'Please correct the highlighted fields.',
        fieldErrors: { email: `This invitation is for ${found.invitation.email}: sign up with that address.` },
      };
    proven = true;
    invitedTo = found.course.id;
  }
  const course = joinCode ? await selectCourseByJoinCode(db, joinCode) : undefined;
  if (joinCode && !course) return unknownJoinCode(joinCode);
  if (course?.archivedAt) return archivedCourse(course.title);
  if (!course && !proven) {
    const pending = await listInvitationsForEmail(db, email);
    const forStudent = pending.find((i) => !isStaffRole(i.role));
    if (!forStudent) {
      const staff = pending[0];
      return {
        ok: false,
        message: 'Please correct the highlighted fields.',
        fieldErrors: {
          joinCode: staff ? `${email} is invited as ${roleName(staff.role)}: sign up through the link in that invitation.` : noJoinCode,
        },
      };
    }
    invitedTo = forStudent.courseId;
  }

  const duplicate = {
    ok: false as const,
    message: 'That email is already registered.',
    fieldErrors: { email: `An account with ${email} already exists. Sign in instead.` },
  };
  if (await selectOptionalUserByEmail(db, email)) return duplicate;

  const passwordHash = await hashPassword(password);
  // insertUser returns null when the email was taken meanwhile (two sign-ups at once): the unique index decides.
  const created = await db.transaction(async (tx) => {
    const user = await insertUser(tx, { email, name, passwordHash });
    if (!user) return null;
    await claimInvitations(tx, user, { proven });
    if (course) await enrollUser(tx, { userId: user.id, courseId: course.id, role: 'student' });
    // The course of the link they followed, else of the join code they typed, else of their roster invitation.
    const current = (proven ? invitedTo : null) ?? course?.id ?? invitedTo!;
    await setCurrentCourse(tx, user.id, current);
    return { userId: user.id, courseId: current };
  });
  if (!created) return duplicate;
  return { ok: true, ...created, email };
}
