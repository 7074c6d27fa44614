import 'server-only';
import { forbidden } from 'next/navigation';
import type { Database } from '@deltalab/db';
import { requireUser, type SessionUser } from './auth/session';
import { requireCoursePermission } from './auth/courseAccess';
import { can, type CoursePermission, type SitePermission } from './auth/permissions';
import { getDb } from './db';
import type { CurrentCourse } from './services/courses/getCurrentCourse';
import { SubmissionError } from './services/submissions/submissionError';

/** For course pages: the signed-in user holding `permission` in their current course, else sign-in or the 403 page. */
export async function requireCoursePage(
  returnTo: string,
  permission: CoursePermission,
): Promise<{ user: SessionUser; course: CurrentCourse; db: Database }> {
  const user = await requireUser(returnTo);
  const db = await getDb();
  try {
    return { user, course: await requireCoursePermission(db, user.id, permission), db };
  } catch (error) {
    if (error instanceof SubmissionError && (error.code === 'forbidden' || error.code === 'not-enrolled')) forbidden();
    throw error;
  }
}

/** For the administrators' pages: the signed-in user holding a site permission, else sign-in or the 403 page. */
export async function requireSitePage(returnTo: string, permission: SitePermission): Promise<{ user: SessionUser; db: Database }> {
  const user = await requireUser(returnTo);
  if (!can({ site: user, course: null }, permission)) forbidden();
  return { user, db: await getDb() };
}
