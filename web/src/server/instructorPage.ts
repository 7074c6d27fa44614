import 'server-only';
import { forbidden } from 'next/navigation';
import type { Database } from '@deltalab/db';
import { requireUser, type SessionUser } from './auth/session';
import { getDb } from './db';
import type { CurrentCourse } from './services/courses/getCurrentCourse';
import { instructorCourse } from './services/instructor/instructorCourse';
import { SubmissionError } from './services/submissions/submissionError';

/** For instructor pages: the signed-in instructor of the current course, else sign-in (anonymous) or the 403 page. */
export async function requireCourseInstructor(returnTo: string): Promise<{ user: SessionUser; course: CurrentCourse; db: Database }> {
  const user = await requireUser(returnTo);
  const db = await getDb();
  try {
    return { user, course: await instructorCourse(db, user.id), db };
  } catch (error) {
    if (error instanceof SubmissionError && error.code === 'forbidden') forbidden();
    throw error;
  }
}
