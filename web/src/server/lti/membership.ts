import 'server-only';
import { enrollUser, listCourseMembers, selectEnrollment, updateEnrollmentRole, type CourseRole, type Database } from '@deltalab/db';
import { courseCan, roleFromLms } from '../auth/permissions';

/** How many members of the course keep its staff (the last one is never demoted by the LMS). */
async function keepersOf(db: Database, courseId: string): Promise<number> {
  const members = await listCourseMembers(db, courseId);
  return members.filter((m) => courseCan({ role: m.role, dropped: false, archived: false }, 'staff.manage')).length;
}

/**
 * Puts a member in the course with the role the LMS gives them: enrolled if new, their role changed if the LMS says
 * otherwise (never the course's last instructor's). A dropped member stays dropped (the instructor dropped them here;
 * the roster sync restores no one). Returns what happened.
 */
export async function applyLmsRole(
  db: Database,
  courseId: string,
  userId: string,
  fromLms: CourseRole,
): Promise<'enrolled' | 'changed' | 'unchanged'> {
  const existing = await selectEnrollment(db, userId, courseId);
  if (!existing) {
    if (await enrollUser(db, { userId, courseId, role: fromLms })) return 'enrolled';
    return 'unchanged';
  }
  const next = roleFromLms(existing.role, fromLms, await keepersOf(db, courseId));
  if (!next) return 'unchanged';
  await updateEnrollmentRole(db, userId, courseId, next);
  return 'changed';
}
