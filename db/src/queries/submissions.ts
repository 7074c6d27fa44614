import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Database } from '../database';
import {
  courseExercises,
  enrollments,
  submissions,
  users,
  type ExerciseKind,
  type Submission,
  type SubmissionPayload,
  type VisibilityTiming,
} from '../schema';
import { runsStatementsOneAtATime, rowsOf } from '../rawRows';
import { builtOnce } from './builtOnce';
import { found } from './errors';
import { claimRules, type GradingClaim } from './grading';

export interface NewSubmissionInput {
  /** The id to store it under: a caller that waits for its grade watches this id before storing. A new UUID if left out. */
  id?: string;
  userId: string;
  courseId: string;
  exerciseId: string;
  exerciseVersionId: string;
  kind: ExerciseKind;
  payload: SubmissionPayload;
  variantSeed?: string;
  late?: boolean;
  /** When set, refuse the submission if this many counting attempts are already used. */
  maxAttempts?: number | null;
  /** The credit its assessment's timeline gives it (0..1); left out: the course's late policy decides. */
  credit?: number | null;
}

/**
 * What a grading queue adds to the statement that stores a submission, so that the submission and its job are written
 * together (the grader's GradingQueue.sameStatement; this package knows nothing of the queue): `insertJobs(source)`
 * runs as a data-modifying CTE over the stored row (the relation `source`, with its `id`), and `wakeWorkers`, when
 * set, once in the final select list (a NOTIFY, sent at commit).
 */
export type QueueWithStore = {
  insertJobs(source: string): string;
  wakeWorkers: string | null;
  /**
   * `insertJobs` inserts the job already taken by a worker of the caller's process: the submission is stored
   * claimed (running), and the outcome carries its claim, as claimSubmissionsForGrading would return it.
   */
  taken?: boolean;
};

export type InsertSubmissionOutcome =
  { ok: true; submission: Submission; claim?: GradingClaim } | { ok: false; reason: 'attempts-exhausted'; attemptsUsed: number };

/**
 * Stores a queued submission with the next attempt number, counting the attempts used and inserting only while they
 * are below the limit in one statement, which also queues it when given the queue's part (`queue`). On PostgreSQL
 * that statement runs under a per-(user, course, exercise) advisory lock, so two simultaneous submits cannot both
 * take the last attempt. Embedded PGlite has one connection: statements never interleave there, and a transaction
 * would hold the whole database across round trips to its thread, so the statement runs alone.
 */
export async function insertSubmission(
  db: Database,
  input: NewSubmissionInput,
  queue?: QueueWithStore | null,
): Promise<InsertSubmissionOutcome> {
  const statement = insertWithinLimit(input, queue ?? null);
  const rows = runsStatementsOneAtATime(db)
    ? rowsOf<Record<string, unknown>>(await db.execute(statement))
    : await db.transaction(async (tx) => {
        const lockKey = `submission:${input.userId}:${input.courseId}:${input.exerciseId}`;
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
        return rowsOf<Record<string, unknown>>(await tx.execute(statement));
      });
  const [row] = rows;
  if (!row) {
    return {
      ok: false,
      reason: 'attempts-exhausted',
      attemptsUsed: await countAttempts(db, input.userId, input.courseId, input.exerciseId),
    };
  }
  return { ok: true, submission: submissionFromRow(row), ...(queue?.taken ? { claim: claimOfStoredRow(row) } : {}) };
}

export const submissionColumns = Object.entries(getTableColumns(submissions));

/** RETURNING every column under its TypeScript name, as a raw statement must spell it. */
export const returningSubmission = sql.join(
  submissionColumns.map(([key, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(key)}`),
  sql`, `,
);

/** A raw row of RETURNING above as drizzle would have mapped it (its columns' own driver-value mapping). */
export function submissionFromRow(row: Record<string, unknown>): Submission {
  return Object.fromEntries(
    submissionColumns.map(([key, column]) => [
      key,
      row[key] === null || row[key] === undefined ? null : column.mapFromDriverValue(row[key]),
    ]),
  ) as Submission;
}

/**
 * A CTE (`activity`) that stamps the member's last activity in the course when `inserted` stored something: the
 * roster's "last activity" reads one column instead of every submission of the course.
 */
export function touchLastActivity(userId: string, courseId: string) {
  return sql`activity as (
      update enrollments set last_activity_at = now()
      where user_id = ${userId} and course_id = ${courseId} and exists (select 1 from inserted)
    )`;
}

/**
 * One statement: count the attempts used, insert below the limit (`inserted`), stamp the member's last activity and,
 * given the queue's part, insert the grading job over `inserted` and wake other processes' workers. Data-modifying
 * CTEs must sit at the top level, so the queue's joins this WITH instead of wrapping it.
 */
function insertWithinLimit(input: NewSubmissionInput, queue: QueueWithStore | null) {
  const counting = sql`${submissions.userId} = ${input.userId} and ${submissions.courseId} = ${input.courseId}
    and ${submissions.exerciseId} = ${input.exerciseId} and ${submissions.countsAsAttempt}`;
  const belowLimit = input.maxAttempts == null ? sql`true` : sql`used.n < ${input.maxAttempts}`;
  const queued = queue ? sql.raw(`, queued as (${queue.insertJobs('inserted')})`) : sql``;
  const wake = queue?.wakeWorkers ? sql.raw(`, ${queue.wakeWorkers} as woken`) : sql``;
  // Taken by a worker of this process: stored as its claim would leave it, with what grading it needs.
  const taken = queue?.taken ?? false;
  const rules = taken ? claimRules(sql`inserted."courseId"`, sql`inserted."exerciseId"`) : null;
  return sql`with inserted as (
      insert into ${submissions}
        (id, user_id, course_id, exercise_id, exercise_version_id, kind, payload, variant_seed, late, credit, attempt${taken ? sql`, status, started_at` : sql``})
      select ${input.id ?? randomUUID()}::uuid, ${input.userId}, ${input.courseId}, ${input.exerciseId}, ${input.exerciseVersionId}, ${input.kind},
        ${JSON.stringify(input.payload)}::jsonb, ${input.variantSeed ?? 'canonical'}, ${input.late ?? false},
        ${input.credit ?? null}::real, used.n + 1${taken ? sql`, 'running', now()` : sql``}
      from (select count(*)::int as n from ${submissions} where ${counting}) used
      where ${belowLimit}
      returning ${returningSubmission}
    ), ${touchLastActivity(input.userId, input.courseId)}${queued}
    select inserted.*${rules ? sql`, ${rules.columns}` : sql``}${wake} from inserted ${rules ? rules.joins : sql``}`;
}

/** The claim of a submission stored taken (a row of insertWithinLimit's final select, its columns TypeScript-named). */
function claimOfStoredRow(row: Record<string, unknown>): GradingClaim {
  const pick = <K extends keyof GradingClaim>(key: K, column: string = key) => row[column] as GradingClaim[K];
  return {
    submissionId: pick('submissionId', 'id'),
    exerciseSlug: pick('exerciseSlug'),
    exerciseSource: pick('exerciseSource'),
    versionId: pick('versionId', 'exerciseVersionId'),
    kind: pick('kind'),
    payload: pick('payload'),
    variantSeed: pick('variantSeed'),
    attempt: pick('attempt'),
    late: pick('late'),
    childDeaths: pick('childDeaths'),
    pointsDecayPerAttempt: pick('pointsDecayPerAttempt'),
    pointsPerAttempt: pick('pointsPerAttempt'),
    credit: pick('credit'),
    latePolicy: pick('latePolicy'),
    latePenalty: pick('latePenalty'),
  };
}

/** Attempts used: submissions that count (an internal grading failure gives its attempt back). */
export async function countAttempts(db: Database, userId: string, courseId: string, exerciseId: string): Promise<number> {
  const [row] = await db
    .select({ attempts: count() })
    .from(submissions)
    .where(
      and(
        eq(submissions.userId, userId),
        eq(submissions.courseId, courseId),
        eq(submissions.exerciseId, exerciseId),
        eq(submissions.countsAsAttempt, true),
      ),
    );
  return row?.attempts ?? 0;
}

// Only a row still in flight may change state (see grading.ts, which records grades exactly once).
const unfinished = sql`${submissions.status} in ('queued', 'running')`;

export async function selectOptionalSubmission(db: Database, id: string): Promise<Submission | undefined> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id)).limit(1);
  return row;
}

export async function selectSubmission(db: Database, id: string): Promise<Submission> {
  return found(await selectOptionalSubmission(db, id), 'submission', `id ${id}`);
}

/** A student's submissions for an exercise, newest first (the history page). */
export async function listSubmissionsForStudent(
  db: Database,
  userId: string,
  exerciseId: string,
  options: { courseId?: string; limit?: number } = {},
): Promise<Submission[]> {
  return submissionHistoryQuery(db, userId, exerciseId, options);
}

/** The unexecuted history query (tests EXPLAIN it to prove it walks its index). */
export function submissionHistoryQuery(
  db: Database,
  userId: string,
  exerciseId: string,
  options: { courseId?: string; limit?: number } = {},
) {
  const conditions = [eq(submissions.userId, userId), eq(submissions.exerciseId, exerciseId)];
  if (options.courseId) conditions.push(eq(submissions.courseId, options.courseId));
  return (
    db
      .select()
      .from(submissions)
      .where(and(...conditions))
      // Spelled to match the index (user_id, exercise_id, created_at DESC NULLS LAST); desc() alone is NULLS FIRST.
      .orderBy(sql`${submissions.createdAt} desc nulls last`)
      .limit(options.limit ?? 100)
  );
}

/** Submissions not finished (queued, or running when a worker died), oldest first: re-enqueue them at start. */
export async function listQueuedSubmissions(db: Database, options: { limit?: number } = {}): Promise<Submission[]> {
  return listQueuedSubmissionsQuery(db, options);
}

/** The unexecuted query behind listQueuedSubmissions (tests EXPLAIN it). */
export function listQueuedSubmissionsQuery(db: Database, options: { limit?: number } = {}) {
  return (
    db
      .select()
      .from(submissions)
      // The literal predicate matches the partial index submissions_unfinished_idx.
      .where(unfinished)
      .orderBy(asc(submissions.queuedAt))
      .limit(options.limit ?? 1000)
  );
}

export interface LeaderboardEntry {
  userId: string;
  name: string;
  bestScore: number;
  /** When the best score was first reached (ties rank the earlier first). */
  achievedAt: Date;
  passed: boolean;
}

/** Best graded score per enrolled student for one exercise of a course, best first. */
export async function leaderboard(
  db: Database,
  courseId: string,
  exerciseId: string,
  options: { limit?: number } = {},
): Promise<LeaderboardEntry[]> {
  const rows = await leaderboardQuery(db, courseId, exerciseId, options);
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    bestScore: row.score ?? 0,
    achievedAt: row.gradedAt!,
    passed: row.passed ?? false,
  }));
}

/** The unexecuted leaderboard query (tests EXPLAIN it to prove it walks its index). */
export function leaderboardQuery(db: Database, courseId: string, exerciseId: string, options: { limit?: number } = {}) {
  // distinct on (user_id) ordered by (user_id, score desc nulls last, graded_at) walks the partial index
  // submissions_leaderboard_idx (course_id, exercise_id, user_id, score DESC NULLS LAST, graded_at) WHERE status = 'graded'
  // without sorting. The status test is a literal so that even a generic (prepared) plan can use the partial index.
  const best = db
    .selectDistinctOn([submissions.userId], {
      userId: submissions.userId,
      score: submissions.score,
      gradedAt: submissions.gradedAt,
      passed: submissions.passed,
    })
    .from(submissions)
    .where(and(eq(submissions.courseId, courseId), eq(submissions.exerciseId, exerciseId), sql`${submissions.status} = 'graded'`))
    .orderBy(submissions.userId, sql`${submissions.score} desc nulls last`, asc(submissions.gradedAt))
    .as('best');
  return db
    .select({ userId: best.userId, name: users.name, score: best.score, gradedAt: best.gradedAt, passed: best.passed })
    .from(best)
    .innerJoin(users, eq(users.id, best.userId))
    .innerJoin(
      enrollments,
      and(
        eq(enrollments.userId, best.userId),
        eq(enrollments.courseId, courseId),
        eq(enrollments.role, 'student'),
        isNull(enrollments.droppedAt),
      ),
    )
    .orderBy(sql`${best.score} desc nulls last`, asc(best.gradedAt), asc(users.name))
    .limit(options.limit ?? 100);
}

/** When the course lets students see a submission's score, feedback and answers (course_exercises), with its due date. */
export interface SubmissionVisibility {
  showScore: VisibilityTiming;
  showFeedback: VisibilityTiming;
  showAnswers: VisibilityTiming;
  dueAt: Date | null;
}

/**
 * A submission with its course's visibility rules for the exercise, in one statement (a primary-key join): what the
 * submission API reads, so hiding a score costs no extra round trip.
 */
export async function selectOptionalSubmissionWithVisibility(
  db: Database,
  id: string,
): Promise<(Submission & { visibility: SubmissionVisibility | null }) | undefined> {
  const [row] = await submissionWithVisibilityQuery(db).execute({ id });
  if (!row) return undefined;
  return { ...row.submission, visibility: submissionVisibility(row) };
}

/**
 * The visibility rules of a submission to a course exercise, from its course_exercises row (null: none, as a left join
 * finds none): what the submission API reads with a submission, and the submit path from its own read.
 */
export function submissionVisibility(
  courseExercise: { [K in keyof SubmissionVisibility]: SubmissionVisibility[K] | null } | null,
): SubmissionVisibility | null {
  const { showScore, showFeedback, showAnswers, dueAt } = courseExercise ?? {};
  return showScore && showFeedback && showAnswers ? { showScore, showFeedback, showAnswers, dueAt: dueAt ?? null } : null;
}

// Built once per database: every follow request runs it.
const submissionWithVisibilityQuery = builtOnce((db) =>
  db
    .select({
      submission: submissions,
      showScore: courseExercises.showScore,
      showFeedback: courseExercises.showFeedback,
      showAnswers: courseExercises.showAnswers,
      dueAt: courseExercises.dueAt,
    })
    .from(submissions)
    .leftJoin(
      courseExercises,
      and(eq(courseExercises.courseId, submissions.courseId), eq(courseExercises.exerciseId, submissions.exerciseId)),
    )
    .where(eq(submissions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('submission_with_visibility'),
);
