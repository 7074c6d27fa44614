import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { courseExercises, exercises, submissions } from '../schema';
import { courseExerciseColumns, type CourseExerciseRow } from './courseExercises';

export type ExerciseProgressStatus = 'not-started' | 'attempted' | 'solved';

export interface StudentExerciseSummary extends CourseExerciseRow {
  status: ExerciseProgressStatus;
  /** Best graded score (0..1), null when nothing is graded yet. */
  bestScore: number | null;
  /** Attempts used (submissions that count). */
  attempts: number;
  lastSubmittedAt: Date | null;
}

/**
 * A student's course home in one query: every published exercise of the course in course order, with status
 * (solved = some graded submission passed), best score, attempts used, and the course's due date and limit.
 */
export async function studentExerciseSummaries(db: Database, userId: string, courseId: string): Promise<StudentExerciseSummary[]> {
  const rows = await studentExerciseSummariesQuery(db, userId, courseId);
  return rows.map(({ submitted, solved, attempts, bestScore, lastSubmittedAt, ...exercise }) => ({
    ...exercise,
    status: solved ? 'solved' : (submitted ?? 0) > 0 ? 'attempted' : 'not-started',
    bestScore: bestScore == null ? null : Number(bestScore),
    attempts: attempts ?? 0,
    lastSubmittedAt: lastSubmittedAt == null ? null : new Date(lastSubmittedAt),
  }));
}

/** The unexecuted query behind studentExerciseSummaries (tests EXPLAIN it). */
export function studentExerciseSummariesQuery(db: Database, userId: string, courseId: string) {
  const mine = db
    .select({
      exerciseId: submissions.exerciseId,
      attempts: sql<number>`count(*) filter (where ${submissions.countsAsAttempt})`.mapWith(Number).as('attempts'),
      submitted: count().as('submitted'),
      bestScore: sql<number | null>`max(${submissions.score}) filter (where ${submissions.status} = 'graded')`.as('best_score'),
      solved: sql<boolean>`coalesce(bool_or(${submissions.passed}) filter (where ${submissions.status} = 'graded'), false)`.as('solved'),
      lastSubmittedAt: max(submissions.createdAt).as('last_submitted_at'),
    })
    .from(submissions)
    .where(and(eq(submissions.userId, userId), eq(submissions.courseId, courseId)))
    .groupBy(submissions.exerciseId)
    .as('mine');
  return db
    .select({
      ...courseExerciseColumns,
      attempts: mine.attempts,
      submitted: mine.submitted,
      bestScore: mine.bestScore,
      solved: mine.solved,
      lastSubmittedAt: mine.lastSubmittedAt,
    })
    .from(courseExercises)
    .innerJoin(exercises, eq(exercises.id, courseExercises.exerciseId))
    .leftJoin(mine, eq(mine.exerciseId, courseExercises.exerciseId))
    .where(and(eq(courseExercises.courseId, courseId), eq(courseExercises.published, true)))
    .orderBy(asc(courseExercises.position), asc(exercises.position), asc(exercises.slug));
}

export interface GradebookCell {
  userId: string;
  exerciseId: string;
  /** Best graded score (0..1), null when nothing is graded yet. */
  bestScore: number | null;
  attempts: number;
  solved: boolean;
  late: boolean;
  lastSubmittedAt: Date;
}

/**
 * The instructor's dashboard: one cell per (student, exercise) that has any submission in the course. Students
 * and exercises without submissions are absent; combine with listCourseMembers and listCourseExercises.
 */
export async function courseGradebook(db: Database, courseId: string): Promise<GradebookCell[]> {
  const rows = await db
    .select({
      userId: submissions.userId,
      exerciseId: submissions.exerciseId,
      bestScore: sql<number | null>`max(${submissions.score}) filter (where ${submissions.status} = 'graded')`,
      attempts: sql<number>`count(*) filter (where ${submissions.countsAsAttempt})`.mapWith(Number),
      solved: sql<boolean>`coalesce(bool_or(${submissions.passed}) filter (where ${submissions.status} = 'graded'), false)`,
      late: sql<boolean>`bool_or(${submissions.late})`,
      lastSubmittedAt: max(submissions.createdAt),
    })
    .from(submissions)
    .where(eq(submissions.courseId, courseId))
    .groupBy(submissions.userId, submissions.exerciseId);
  return rows.map((row) => ({
    ...row,
    bestScore: row.bestScore == null ? null : Number(row.bestScore),
    solved: Boolean(row.solved),
    late: Boolean(row.late),
    lastSubmittedAt: new Date(row.lastSubmittedAt!),
  }));
}
