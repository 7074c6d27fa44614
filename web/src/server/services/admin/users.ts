import { z } from 'zod';
import {
  searchUsers,
  selectOptionalUserById,
  setUserDeactivated,
  updateUserSiteRights,
  type Database,
  type UserListRow,
} from '@deltalab/db';
import { storableString } from '../../storableText';
import { formRefusal } from '../forms/formRefusal';
import { fieldRefusal, SubmissionError } from '../submissions/submissionError';
import { userIdInput } from '../people/staff';

const searchInput = storableString().trim().max(200, 'Search for at most 200 characters');

export interface AdminUserView extends Omit<UserListRow, 'deactivatedAt' | 'createdAt'> {
  deactivated: boolean;
  createdAt: string;
}

const view = (row: UserListRow): AdminUserView => {
  const { deactivatedAt, createdAt, ...rest } = row;
  return { ...rest, deactivated: deactivatedAt !== null, createdAt: createdAt.toISOString() };
};

/** Accounts whose email or name contains the query (at most 100), for the administrators' users page. */
export async function findUsers(db: Database, query: unknown): Promise<AdminUserView[]> {
  const parsed = searchInput.safeParse(query ?? '');
  if (!parsed.success) throw new SubmissionError('invalid-request', `q: ${parsed.error.issues[0]!.message}`);
  return (await searchUsers(db, parsed.data, 100)).map(view);
}

const accountUpdate = z
  .object({
    canCreateCourses: z.boolean({ error: 'canCreateCourses: true or false' }).optional(),
    active: z.boolean({ error: 'active: true (reactivate) or false (deactivate)' }).optional(),
  })
  .strict()
  .refine((u) => u.canCreateCourses !== undefined || u.active !== undefined, 'Send canCreateCourses, active, or both.');

/**
 * An administrator grants or revokes the right to create courses, or deactivates (every session ends at its next
 * request; nothing of theirs is deleted) or reactivates an account. Their own account they cannot deactivate.
 */
export async function updateAccount(db: Database, adminId: string, userId: string, body: unknown): Promise<AdminUserView> {
  const id = userIdInput.safeParse(userId);
  if (!id.success) throw new SubmissionError('invalid-request', `'${userId.slice(0, 64)}' is not a user id (expected a UUID).`);
  const parsed = accountUpdate.safeParse(body);
  if (!parsed.success) throw fieldRefusal(formRefusal(parsed.error));
  const user = await selectOptionalUserById(db, id.data);
  if (!user) throw new SubmissionError('not-found', `No account ${id.data}.`);
  const { canCreateCourses, active } = parsed.data;
  if (active === false && user.id === adminId)
    throw new SubmissionError('conflict', 'You cannot deactivate your own account: another administrator can.');
  await db.transaction(async (tx) => {
    if (canCreateCourses !== undefined) await updateUserSiteRights(tx, user.id, { canCreateCourses });
    if (active !== undefined) await setUserDeactivated(tx, user.id, !active);
  });
  const [row] = (await searchUsers(db, user.email, 1)).filter((r) => r.id === user.id);
  return view(row!);
}
