import { sql } from 'drizzle-orm';
import type { Database } from '../database';

/**
 * Bulk rows for benchmarks (a class of hundreds with tens of thousands of graded submissions in seconds): one
 * statement per call, rows sent as JSON. Not for the app: it skips the attempt numbering and the grading statement
 * (call rebuildGradeCells afterwards).
 */
export async function insertStudentsBulk(
  db: Database,
  courseId: string,
  users: { id: string; email: string; name: string }[],
): Promise<void> {
  const json = JSON.stringify(users);
  await db.execute(
    sql`insert into users (id, email, name) select id, email, name from jsonb_to_recordset(${json}::jsonb) as x(id uuid, email text, name text)`,
  );
  await db.execute(
    sql`insert into enrollments (user_id, course_id, role) select id, ${courseId}, 'student' from jsonb_to_recordset(${json}::jsonb) as x(id uuid)`,
  );
}

export interface BulkGradedSubmission {
  user_id: string;
  attempt: number;
  variant_seed: string;
  score: number;
  passed: boolean;
  result: unknown;
  payload: unknown;
  /** ISO time it was made and graded. */
  at: string;
}

export async function insertGradedSubmissionsBulk(
  db: Database,
  target: { courseId: string; exerciseId: string; versionId: string; kind: string },
  rows: BulkGradedSubmission[],
): Promise<void> {
  await db.execute(sql`
    insert into submissions (user_id, course_id, exercise_id, exercise_version_id, kind, payload, variant_seed, status, score, passed,
      result, attempt, grader_version, queued_at, started_at, graded_at, created_at, updated_at)
    select x.user_id, ${target.courseId}, ${target.exerciseId}, ${target.versionId}, ${target.kind}::exercise_kind, x.payload, x.variant_seed,
      'graded', x.score, x.passed, x.result, x.attempt, 'bench', x.at, x.at, x.at, x.at, x.at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(user_id uuid, attempt int, variant_seed text, score real, passed boolean,
      result jsonb, payload jsonb, at timestamptz)`);
  // The members' last activity, as storing a submission stamps it.
  await db.execute(sql`
    update enrollments en set last_activity_at = greatest(en.last_activity_at, last.at)
    from (select x.user_id, max(x.at) as at from jsonb_to_recordset(${JSON.stringify(rows.map(({ user_id, at }) => ({ user_id, at })))}::jsonb)
      as x(user_id uuid, at timestamptz) group by x.user_id) last
    where en.user_id = last.user_id and en.course_id = ${target.courseId}`);
}

/** Fresh planner statistics after a bulk load. */
export async function analyzeTables(db: Database): Promise<void> {
  await db.execute(sql`analyze`);
}
