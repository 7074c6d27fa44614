import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { courseExercises, courses, enrollments, exercises, submissions } from '../schema';
import { builtOnce } from './builtOnce';
import { courseExerciseColumns, type CourseExerciseRow } from './courseExercises';
import { currentCourseFirst, membershipColumns, type CourseWithRole, type Membership } from './courses';

/** Everything deciding whether a student may submit to an exercise now, from one query. */
export interface SubmissionContext {
  /** The user's current course (their first enrollment, as listCoursesForUser orders them). */
  course: CourseWithRole;
  /** That course's exercise with the slug; null when the course does not have it. */
  courseExercise: CourseExerciseRow | null;
  /** When the user's latest submissions (any exercise) were made, newest first: at most `limit`, since `since`. */
  recentSubmissionTimes: Date[];
}

// Built once per database (the submit path runs it for every submission); values are bound per run.
const submissionContextQuery = builtOnce((db) => {
  const userId = sql.placeholder('userId');
  // Milliseconds since the epoch in a JSON array: both drivers hand back JSON parsed, whatever their date settings.
  const recent = sql<number[] | null>`(select json_agg(ms) from (
    select extract(epoch from ${submissions.createdAt}) * 1000 as ms from ${submissions}
    where ${submissions.userId} = ${userId} and ${submissions.createdAt} >= ${sql.placeholder('since')}
    order by ${submissions.createdAt} desc limit ${sql.placeholder('limit')}) recent)`;
  return db
    .select({
      course: courses,
      membership: membershipColumns,
      courseExercise: courseExerciseColumns,
      linked: courseExercises.courseId,
      recent,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(exercises, eq(exercises.slug, sql.placeholder('slug')))
    .leftJoin(courseExercises, and(eq(courseExercises.courseId, courses.id), eq(courseExercises.exerciseId, exercises.id)))
    .where(eq(enrollments.userId, userId))
    .orderBy(currentCourseFirst(userId), asc(enrollments.createdAt), asc(courses.title))
    .limit(1)
    .prepare('submission_context');
});

/**
 * The submit path's one read (in the spirit of PrairieLearn's one-query-per-job): course and role, the course's
 * exercise, and the user's recent submission times for the rate limit. Null when the user is in no course.
 */
export async function selectSubmissionContext(
  db: Database,
  userId: string,
  slug: string,
  rateWindow: { since: Date; limit: number },
): Promise<SubmissionContext | null> {
  const [row] = await submissionContextQuery(db).execute({ userId, slug, since: rateWindow.since.toISOString(), limit: rateWindow.limit });
  if (!row) return null;
  return {
    course: { ...row.course, ...(row.membership as Membership) },
    courseExercise: row.linked === null ? null : (row.courseExercise as CourseExerciseRow),
    recentSubmissionTimes: (row.recent ?? []).map((ms) => new Date(Number(ms))),
  };
}
