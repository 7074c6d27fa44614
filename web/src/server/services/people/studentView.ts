import { enrollUser, insertUser, selectOptionalUserByEmail, selectSessionAccount, setCurrentCourse, type Database } from '@deltalab/db';
import type { JWT } from 'next-auth/jwt';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import type { SessionUser } from '@/server/auth/resolveSession';
import type { FormRefusal } from '../forms/formRefusal';
import type { CurrentCourse } from '../courses/getCurrentCourse';

/**
 * A staff member's test student in one course: an account of its own (no password: it is only ever entered from the
 * staff member's session), enrolled as a student flagged `test_student`, so its work is graded like anyone's and left
 * out of every figure and the gradebook. `.invalid` is a domain no mail can reach.
 */
export const testStudentDomain = 'test-student.invalid';

function testStudentEmail(staffId: string, courseId: string): string {
  return `test-student.${staffId.slice(0, 8)}.${courseId.slice(0, 8)}@${testStudentDomain}`;
}

/**
 * The session token that shows `course` to `staff` as their test student: the test student's id, the staff member's
 * account behind it (whose session version keeps the session valid). Refused without course.viewAsStudent.
 */
export async function enterStudentView(
  db: Database,
  staff: SessionUser,
  course: CurrentCourse | null,
): Promise<{ ok: true; token: JWT } | FormRefusal<never>> {
  if (staff.studentViewOf) return { ok: false, message: 'You are already viewing the course as its test student.', fieldErrors: {} };
  const actor = actorIn(null, course);
  if (!course || !can(actor, 'course.viewAsStudent'))
    return { ok: false, message: refusal(actor, 'course.viewAsStudent', course?.title), fieldErrors: {} };
  const account = await selectSessionAccount(db, staff.id);
  if (!account) return { ok: false, message: 'Your session has ended: sign in again.', fieldErrors: {} };
  const email = testStudentEmail(staff.id, course.id);
  const name = `Test student (${staff.name})`;
  const student = await db.transaction(async (tx) => {
    const user =
      (await selectOptionalUserByEmail(tx, email)) ??
      (await insertUser(tx, { email, name })) ??
      (await selectOptionalUserByEmail(tx, email));
    await enrollUser(tx, { userId: user!.id, courseId: course.id, role: 'student', testStudent: true });
    await setCurrentCourse(tx, user!.id, course.id);
    return user!;
  });
  return {
    ok: true,
    token: { sub: student.id, email: student.email, name: student.name, sv: account.sessionVersion, studentViewOf: staff.id },
  };
}

/** The token that takes a test student's session back to the staff member behind it. */
export async function leaveStudentView(db: Database, user: SessionUser): Promise<{ ok: true; token: JWT } | FormRefusal<never>> {
  if (!user.studentViewOf) return { ok: false, message: 'You are not viewing a course as a test student.', fieldErrors: {} };
  const account = await selectSessionAccount(db, user.studentViewOf.id);
  if (!account) return { ok: false, message: 'Your session has ended: sign in again.', fieldErrors: {} };
  return { ok: true, token: { sub: account.id, email: account.email, name: account.name, sv: account.sessionVersion } };
}
