import { setCurrentCourse, type Database } from '@deltalab/db';
import type { SessionUser } from '@/server/auth/resolveSession';
import type { FormRefusal } from '../forms/formRefusal';
import { claimInvitations, invitationByToken, invitationSummary } from './invitations';

/**
 * A signed-in user follows an invitation's link: when it was sent to their own address, it (and every other pending
 * invitation of that address: the link proves the mailbox) becomes an enrollment, and its course their current one.
 */
export async function acceptInvitation(
  db: Database,
  user: SessionUser,
  token: unknown,
): Promise<{ ok: true; courseTitle: string; joinedAs: string } | FormRefusal<never>> {
  if (user.studentViewOf)
    return { ok: false, message: 'A test student cannot accept invitations: leave the student view first.', fieldErrors: {} };
  const found = await invitationByToken(db, token);
  if (!found.ok) return { ok: false, message: found.message, fieldErrors: {} };
  const { invitation, course } = found;
  if (invitation.email !== user.email)
    return {
      ok: false,
      message: `This invitation is for ${invitation.email}, and you are signed in as ${user.email}. Sign out, then sign in (or sign up) with ${invitation.email}.`,
      fieldErrors: {},
    };
  await db.transaction(async (tx) => {
    await claimInvitations(tx, user, { proven: true });
    await setCurrentCourse(tx, user.id, course.id);
  });
  return { ok: true, courseTitle: course.title, joinedAs: invitationSummary(invitation, course) };
}
