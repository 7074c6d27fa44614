import { listCoursesForUser, selectEnrollment, selectOptionalCourseBySlug, type Database } from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

/**
 * The course an instructor works on: the one named by slug (`?course=`), else their current course. Anyone who does
 * not teach it is refused with the same 403 (a student of it, an instructor of another course): its dashboards,
 * submissions and authoring pages are its instructors' only. An unknown slug is a 404.
 */
export async function instructorCourse(db: Database, userId: string, courseSlug?: string | null): Promise<CurrentCourse> {
  if (courseSlug) {
    const course = await selectOptionalCourseBySlug(db, courseSlug);
    if (!course) throw new SubmissionError('not-found', `No course '${courseSlug}'.`);
    const enrollment = await selectEnrollment(db, userId, course.id);
    if (enrollment?.role !== 'instructor') throw new SubmissionError('forbidden', `Only an instructor of ${course.title} can see this.`);
    const { id, slug, title, joinCode, timeZone, latePolicy, latePenalty } = course;
    return { id, slug, title, joinCode, role: 'instructor', timeZone, latePolicy, latePenalty };
  }
  const [current] = await listCoursesForUser(db, userId);
  if (!current || current.role !== 'instructor') throw new SubmissionError('forbidden', 'Only an instructor of the course can see this.');
  const { id, slug, title, joinCode, role, timeZone, latePolicy, latePenalty } = current;
  return { id, slug, title, joinCode, role, timeZone, latePolicy, latePenalty };
}
