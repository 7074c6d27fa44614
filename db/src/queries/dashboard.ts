import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import type { SubmissionPayload, SubmissionRegradeEntry } from '../schema';
import { rowsOf } from '../rawRows';

/**
 * The instructors' dashboards. Only a course's real students count: staff, test students (an account for trying the
 * course as a student) and dropped students are left out of every figure here, and of the gradebook. `section` narrows
 * the figures to one section's students.
 */
export interface StudentFilter {
  /** Only the students of this section. */
  section?: string | null;
  /** Only these students (LTI grade passback reads the grades of the students whose scores changed). */
  userIds?: string[];
}

/** The condition on an enrollment `en` that makes its member a counted student (of the section, when one is asked). */
function counted(filter: StudentFilter = {}) {
  const section = filter.section ? sql` and en.section = ${filter.section}` : sql``;
  const users = filter.userIds
    ? sql` and en.user_id in (${
        filter.userIds.length
          ? sql.join(
              filter.userIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )
          : sql`null`
      })`
    : sql``;
  return sql`en.role = 'student' and not en.test_student and en.dropped_at is null${section}${users}`;
}

const countedStudents = (filter: StudentFilter = {}) =>
  sql`join enrollments en on en.user_id = s.user_id and en.course_id = s.course_id and ${counted(filter)}`;

/** One (student, exercise) cell of the overview matrix: only pairs with a submission appear. */
export interface OverviewCell {
  userId: string;
  exerciseId: string;
  /** Best graded score (0..1), null when nothing is graded yet. */
  bestScore: number | null;
  attempts: number;
  solved: boolean;
  late: boolean;
  /** The first passing grade's time, for progress over time. */
  firstSolvedAt: Date | null;
}

/** Every student × exercise cell of a course with a graded submission, from the cells kept with the grades. */
export async function courseOverviewCells(db: Database, courseId: string, filter: StudentFilter = {}): Promise<OverviewCell[]> {
  const result = await db.execute(sql`
    select g.user_id as "userId", g.exercise_id as "exerciseId", g.best_score as "bestScore", g.attempts, g.solved, g.late,
      g.first_solved_at as "firstSolvedAt"
    from grade_cells g join enrollments en on en.user_id = g.user_id and en.course_id = g.course_id and ${counted(filter)}
    where g.course_id = ${courseId}`);
  return rowsOf<OverviewCell>(result).map((row) => ({
    ...row,
    bestScore: row.bestScore == null ? null : Number(row.bestScore),
    solved: Boolean(row.solved),
    late: Boolean(row.late),
    firstSolvedAt: row.firstSolvedAt == null ? null : new Date(row.firstSolvedAt),
  }));
}

/** The counted students of a course (no staff, test or dropped students), by name, with their section. */
export async function listCountedStudents(
  db: Database,
  courseId: string,
  filter: StudentFilter = {},
): Promise<{ userId: string; email: string; name: string; section: string | null }[]> {
  const result = await db.execute(sql`
    select u.id as "userId", u.email, u.name, en.section from enrollments en join users u on u.id = en.user_id
    where en.course_id = ${courseId} and ${counted(filter)}
    order by u.name, u.email`);
  return rowsOf(result);
}

/** Every student's best score per exercise in a course, dropped students included (the roster's totals). */
export async function studentBestScores(
  db: Database,
  courseId: string,
): Promise<{ userId: string; exerciseId: string; bestScore: number }[]> {
  const result = await db.execute(sql`
    select g.user_id as "userId", g.exercise_id as "exerciseId", g.best_score as "bestScore"
    from grade_cells g join enrollments en on en.user_id = g.user_id and en.course_id = g.course_id
      and en.role = 'student' and not en.test_student
    where g.course_id = ${courseId} and g.best_score is not null`);
  return rowsOf<{ userId: string; exerciseId: string; bestScore: number }>(result).map((r) => ({ ...r, bestScore: Number(r.bestScore) }));
}

/** One submission of an exercise, reduced to what its statistics need (the result's verdicts, not its values). */
export interface ExerciseSubmissionFacts {
  userId: string;
  attempt: number;
  status: string;
  score: number | null;
  passed: boolean | null;
  createdAt: Date;
  /** The submission-level diagnosis (code): its mistake id and message. */
  mistake: string | null;
  mistakeMessage: string | null;
  /** Code: the names of the cases that failed. */
  failedCases: string[] | null;
  /** Numeric: [name, status, value, diagnosis mistake, expression as read (expression fields)] per field, in order. */
  fields: [string, string, number | null, string | null, string | null][] | null;
}

/**
 * Every counted graded submission of one exercise in a course, oldest first, with the verdicts pulled out of its
 * result in SQL (a code result's cases carry values; only names and verdicts leave the database). `status = 'graded'`
 * lets the partial leaderboard index find them.
 */
export async function exerciseSubmissionFacts(
  db: Database,
  courseId: string,
  exerciseId: string,
  filter: StudentFilter = {},
): Promise<ExerciseSubmissionFacts[]> {
  const result = await db.execute(sql`
    select s.user_id as "userId", s.attempt, s.status, s.score, s.passed, s.created_at as "createdAt",
      s.result->'diagnosis'->>'mistake' as "mistake", s.result->'diagnosis'->>'message' as "mistakeMessage",
      (select array_agg(c->>'name') from jsonb_array_elements(case when jsonb_typeof(s.result->'cases') = 'array' then s.result->'cases' else '[]'::jsonb end) c
        where (c->>'passed')::boolean is false) as "failedCases",
      (select jsonb_agg(jsonb_build_array(f->>'name', f->>'status', f->'value', f->'diagnosis'->>'mistake', f->>'expression'))
        from jsonb_array_elements(case when jsonb_typeof(s.result->'fields') = 'array' then s.result->'fields' else '[]'::jsonb end) f) as "fields"
    from submissions s ${countedStudents(filter)}
    where s.course_id = ${courseId} and s.exercise_id = ${exerciseId} and s.status = 'graded'
    order by s.created_at`);
  return rowsOf<ExerciseSubmissionFacts>(result).map((row) => ({
    ...row,
    score: row.score == null ? null : Number(row.score),
    createdAt: new Date(row.createdAt),
    fields: typeof row.fields === 'string' ? (JSON.parse(row.fields) as ExerciseSubmissionFacts['fields']) : row.fields,
  }));
}

/**
 * Per counted student with a grade on the exercise: their best score on it and their total (sum of best scores) on the
 * course's other exercises, from the cells, summed in SQL (one row per student): what discrimination correlates.
 */
export async function discriminationInputs(
  db: Database,
  courseId: string,
  exerciseId: string,
  filter: StudentFilter = {},
): Promise<{ userId: string; here: number; rest: number }[]> {
  const result = await db.execute(sql`
    select g.user_id as "userId", max(g.best_score) filter (where g.exercise_id = ${exerciseId}) as "here",
      coalesce(sum(g.best_score) filter (where g.exercise_id <> ${exerciseId}), 0) as "rest"
    from grade_cells g join enrollments en on en.user_id = g.user_id and en.course_id = g.course_id and ${counted(filter)}
    where g.course_id = ${courseId}
    group by g.user_id
    having bool_or(g.exercise_id = ${exerciseId})`);
  return rowsOf<{ userId: string; here: number; rest: number }>(result).map((row) => ({
    userId: row.userId,
    here: Number(row.here ?? 0),
    rest: Number(row.rest),
  }));
}

/** A student's submissions in a course, newest first, with the exercise's slug and title (the per-student timeline). */
export async function studentTimeline(db: Database, courseId: string, userId: string, options: { limit?: number } = {}) {
  const result = await db.execute(sql`
    select s.id, s.exercise_id as "exerciseId", e.slug, e.title, e.kind, s.status, s.score, s.passed, s.late, s.attempt,
      s.payload, s.result, s.failure_message as "failureMessage", s.regrades, s.created_at as "createdAt", s.graded_at as "gradedAt"
    from submissions s join exercises e on e.id = s.exercise_id
    where s.course_id = ${courseId} and s.user_id = ${userId}
    order by s.created_at desc
    limit ${options.limit ?? 500}`);
  return rowsOf<{
    id: string;
    exerciseId: string;
    slug: string;
    title: string;
    kind: string;
    status: string;
    score: number | null;
    passed: boolean | null;
    late: boolean;
    attempt: number;
    payload: SubmissionPayload;
    /** The grader's result, as the grading site records it (this package does not know the grader). */
    result: unknown;
    failureMessage: string | null;
    regrades: SubmissionRegradeEntry[];
    createdAt: Date;
    gradedAt: Date | null;
  }>(result).map((row) => ({
    ...row,
    score: row.score == null ? null : Number(row.score),
    createdAt: new Date(row.createdAt),
    gradedAt: row.gradedAt == null ? null : new Date(row.gradedAt),
  }));
}

/** Every submission of a course for the raw CSV export, oldest first (graded ones with their score). */
export async function courseSubmissionsForExport(db: Database, courseId: string, filter: StudentFilter = {}) {
  const result = await db.execute(sql`
    select s.id, u.email, u.name, e.slug, s.attempt, s.status, s.score, s.passed, s.late, s.variant_seed as "variantSeed",
      s.created_at as "createdAt", s.graded_at as "gradedAt", s.payload
    from submissions s ${countedStudents(filter)} join users u on u.id = s.user_id join exercises e on e.id = s.exercise_id
    where s.course_id = ${courseId}
    order by s.created_at`);
  return rowsOf<{
    id: string;
    email: string;
    name: string;
    slug: string;
    attempt: number;
    status: string;
    score: number | null;
    passed: boolean | null;
    late: boolean;
    variantSeed: string;
    createdAt: Date;
    gradedAt: Date | null;
    payload: unknown;
  }>(result);
}
