import { listCoursesForUser, selectEnrollment, selectOptionalUserById, type Database } from '@deltalab/db';
import { actorIn } from '@/server/auth/courseAccess';
import { can, isStaffRole, refusal, type SiteRights } from '@/server/auth/permissions';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { userIdInput } from '../people/staff';
import { issuePasswordLink, type IssuedPasswordLink } from './passwordLinks';

export type ResetLinkAnswer = IssuedPasswordLink & { email: string };

function targetId(userId: string): string {
  const parsed = userIdInput.safeParse(userId);
  if (!parsed.success) throw new SubmissionError('invalid-request', `'${userId.slice(0, 64)}' is not a user id (expected a UUID).`);
  return parsed.data;
}

/** An administrator issues a password reset link for any active account. */
export async function issueResetLinkAsAdmin(
  db: Database,
  admin: { id: string } & SiteRights,
  userId: string,
  baseUrl: string,
): Promise<ResetLinkAnswer> {
  const actor = { site: admin, course: null };
  if (!can(actor, 'admin.users')) throw new SubmissionError('forbidden', refusal(actor, 'admin.users'));
  const user = await selectOptionalUserById(db, targetId(userId));
  if (!user) throw new SubmissionError('not-found', `No account ${userId}.`);
  if (user.deactivatedAt) throw new SubmissionError('conflict', `${user.email} is deactivated: reactivate the account first.`);
  return { ...(await issuePasswordLink(db, { user, purpose: 'reset', createdBy: admin.id, baseUrl })), email: user.email };
}

/**
 * An instructor issues a password reset link for one of their course's students. Only for a plain student account:
 * someone with rights elsewhere (an administrator, a course creator, staff of any course) could be taken over through
 * the link by whoever holds it, so only an administrator resets theirs.
 */
export async function issueResetLinkForStudent(
  db: Database,
  issuerId: string,
  course: CurrentCourse,
  userId: string,
  baseUrl: string,
): Promise<ResetLinkAnswer> {
  const actor = actorIn(null, course);
  if (!can(actor, 'student.password.reset')) throw new SubmissionError('forbidden', refusal(actor, 'student.password.reset', course.title));
  const id = targetId(userId);
  const [user, enrollment] = await Promise.all([selectOptionalUserById(db, id), selectEnrollment(db, id, course.id)]);
  if (!user || !enrollment || enrollment.testStudent || isStaffRole(enrollment.role))
    throw new SubmissionError('not-found', `No student ${id} in ${course.title}.`);
  const staffElsewhere = (await listCoursesForUser(db, id)).some((c) => isStaffRole(c.role));
  if (user.isAdmin || user.canCreateCourses || staffElsewhere)
    throw new SubmissionError(
      'forbidden',
      `${user.email} has rights beyond this course's students (an administrator, a course creator or staff of a course): only an administrator can reset that password.`,
    );
  if (user.deactivatedAt)
    throw new SubmissionError('conflict', `${user.email} is deactivated: an administrator can reactivate the account.`);
  return { ...(await issuePasswordLink(db, { user, purpose: 'reset', createdBy: issuerId, baseUrl })), email: user.email };
}
