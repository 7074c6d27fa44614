import { deleteInvitation, selectInvitationById, type Database } from '@deltalab/db';
import { actorIn } from '@/server/auth/courseAccess';
import { can, isStaffRole, refusal } from '@/server/auth/permissions';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { userIdInput } from './staff';

/** Withdraws a pending invitation of the course: a student's needs roster.manage, a staff member's staff.manage. */
export async function withdrawInvitation(db: Database, course: CurrentCourse, id: string): Promise<{ ok: true }> {
  const parsed = userIdInput.safeParse(id);
  if (!parsed.success) throw new SubmissionError('invalid-request', `'${id.slice(0, 64)}' is not an invitation id (expected a UUID).`);
  const invitation = await selectInvitationById(db, parsed.data);
  if (!invitation || invitation.courseId !== course.id)
    throw new SubmissionError('not-found', `No pending invitation ${parsed.data} in ${course.title}.`);
  const actor = actorIn(null, course);
  if (isStaffRole(invitation.role) && !can(actor, 'staff.manage'))
    throw new SubmissionError('forbidden', refusal(actor, 'staff.manage', course.title));
  await deleteInvitation(db, invitation.id);
  return { ok: true };
}
