import { z } from 'zod';
import {
  deleteEnrollment,
  enrollUser,
  listCourseInvitations,
  listCourseStaff,
  lockCourseInstructors,
  selectEnrollment,
  selectInvitation,
  selectOptionalUserByEmail,
  updateEnrollmentRole,
  type Database,
} from '@deltalab/db';
import { isLastKeeper, isStaffRole, roleName } from '@/server/auth/permissions';
import { formatDateTime } from '@/lib/format';
import { emailInput } from '../forms/emailInput';
import { formRefusal } from '../forms/formRefusal';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { fieldRefusal, SubmissionError } from '../submissions/submissionError';
import { issueInvitation } from './invitations';

/** The roles the staff page gives (students come through the join code and the roster). */
const staffRole = z.enum(['instructor', 'teaching-assistant'], { error: 'Choose instructor or teaching assistant' });
export type StaffRole = z.infer<typeof staffRole>;

export const addStaffInput = z.object({ email: emailInput(), role: staffRole }).strict();
const changeRoleInput = z.object({ role: staffRole }).strict();
export const userIdInput = z.uuid({ error: 'A person is named by their user id (a UUID)' });

export interface StaffList {
  members: { userId: string; email: string; name: string; role: StaffRole; deactivated: boolean }[];
  invitations: { id: string; email: string; role: StaffRole; invitedAt: string }[];
}

/** The course's staff and its pending staff invitations (GET /api/instructor/staff, the staff page). */
export async function listStaff(db: Database, course: CurrentCourse): Promise<StaffList> {
  const [members, invitations] = await Promise.all([
    listCourseStaff(db, course.id),
    listCourseInvitations(db, course.id, ['instructor', 'teaching-assistant']),
  ]);
  return {
    members: members.map(({ userId, email, name, role, deactivated }) => ({ userId, email, name, role: role as StaffRole, deactivated })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role as StaffRole, invitedAt: i.createdAt.toISOString() })),
  };
}

export type AddStaffResult =
  | { ok: true; added: 'member'; userId: string; name: string; role: StaffRole }
  | {
      ok: true;
      added: 'invitation';
      invitationId: string;
      email: string;
      role: StaffRole;
      link: string | null;
      mailProblem: string | null;
    };

/**
 * Adds someone to the course's staff by email: an account is enrolled at once in that role; an email without one gets
 * a pending invitation (emailed, or its link returned to pass on). Refused, changing nothing: a bad email or role,
 * someone already on the staff or already invited, a student of the course (the roster holds them), a deactivated
 * account.
 */
export async function addStaff(
  db: Database,
  course: CurrentCourse,
  inviter: { id: string; name: string },
  body: unknown,
  baseUrl: string,
): Promise<AddStaffResult> {
  const parsed = addStaffInput.safeParse(body);
  if (!parsed.success) throw fieldRefusal(formRefusal(parsed.error));
  const { email, role } = parsed.data;
  const user = await selectOptionalUserByEmail(db, email);
  if (user) {
    const enrollment = await selectEnrollment(db, user.id, course.id);
    if (enrollment && !isStaffRole(enrollment.role))
      throw new SubmissionError(
        'conflict',
        `${email} is a student of ${course.title}${enrollment.droppedAt ? ' (dropped)' : ''}: a student's work stays in the gradebook, so they cannot also be on its staff.`,
        undefined,
        { email: `${email} is a student of this course.` },
      );
    if (enrollment)
      throw new SubmissionError('conflict', `${email} is already ${roleName(enrollment.role)} of ${course.title}.`, undefined, {
        email: `Already ${roleName(enrollment.role)} here.`,
      });
    if (user.deactivatedAt)
      throw new SubmissionError('conflict', `${email}'s account is deactivated: an administrator can reactivate it first.`, undefined, {
        email: 'This account is deactivated.',
      });
    if (!(await enrollUser(db, { userId: user.id, courseId: course.id, role })))
      throw new SubmissionError('conflict', `${email} joined ${course.title} meanwhile: reload the page.`);
    return { ok: true, added: 'member', userId: user.id, name: user.name, role };
  }
  const pending = await selectInvitation(db, course.id, email);
  if (pending) throw duplicateInvitation(email, pending, course);
  const issued = await issueInvitation(db, { course, email, role }, inviter, baseUrl);
  if (!issued) throw duplicateInvitation(email, (await selectInvitation(db, course.id, email))!, course);
  return {
    ok: true,
    added: 'invitation',
    invitationId: issued.invitation.id,
    email,
    role,
    link: issued.link,
    mailProblem: issued.mailProblem,
  };
}

function duplicateInvitation(email: string, pending: { role: string; createdAt: Date }, course: CurrentCourse): SubmissionError {
  return new SubmissionError(
    'conflict',
    `${email} is already invited to ${course.title} as ${roleName(pending.role as StaffRole)} (since ${formatDateTime(pending.createdAt, course.timeZone)}).`,
    undefined,
    { email: 'Already invited.' },
  );
}

/**
 * Changes a staff member's role. The course's instructors are locked first, so two changes at once cannot both take
 * away "the other" last instructor: a course always keeps one.
 */
export async function changeStaffRole(
  db: Database,
  course: CurrentCourse,
  userId: string,
  body: unknown,
): Promise<{ ok: true; role: StaffRole }> {
  const id = parseUserId(userId);
  const parsed = changeRoleInput.safeParse(body);
  if (!parsed.success) throw fieldRefusal(formRefusal(parsed.error));
  const { role } = parsed.data;
  return db.transaction(async (tx) => {
    const instructors = await lockCourseInstructors(tx, course.id);
    const member = await staffMember(tx, course, id);
    // The last instructor may only stay instructor.
    if (isLastKeeper(member.role, instructors.length) && !isLastKeeper(role, instructors.length)) throw lastInstructor(course);
    await updateEnrollmentRole(tx, id, course.id, role);
    return { ok: true as const, role };
  });
}

/** Removes someone from the course's staff (the last instructor stays). Their regrades and authored work stay. */
export async function removeStaff(db: Database, course: CurrentCourse, userId: string): Promise<{ ok: true }> {
  const id = parseUserId(userId);
  return db.transaction(async (tx) => {
    const instructors = await lockCourseInstructors(tx, course.id);
    const member = await staffMember(tx, course, id);
    if (isLastKeeper(member.role, instructors.length)) throw lastInstructor(course);
    await deleteEnrollment(tx, id, course.id);
    return { ok: true as const };
  });
}

function parseUserId(userId: string): string {
  const parsed = userIdInput.safeParse(userId);
  if (!parsed.success) throw new SubmissionError('invalid-request', `'${userId.slice(0, 64)}' is not a user id (expected a UUID).`);
  return parsed.data;
}

async function staffMember(db: Database, course: CurrentCourse, userId: string) {
  const enrollment = await selectEnrollment(db, userId, course.id);
  if (!enrollment) throw new SubmissionError('not-found', `No member ${userId} in ${course.title}.`);
  if (!isStaffRole(enrollment.role))
    throw new SubmissionError('conflict', `That person is a student of ${course.title}: the roster, not the staff page, manages students.`);
  return enrollment;
}

function lastInstructor(course: CurrentCourse): SubmissionError {
  return new SubmissionError(
    'conflict',
    `This is the only instructor of ${course.title}: make someone else instructor first, so the course keeps one.`,
  );
}
