import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf } from '../rawRows';
import { completedJobs, type CompleteJobs } from './completedJobs';
import { submissions, type ExerciseKind, type LatePolicy, type Submission, type SubmissionPayload } from '../schema';
import { rowFromJson } from './rowFromJson';

/**
 * Postgres NOTIFY channel: the ids of the submissions whose grades (or failures) were just recorded, comma-separated,
 * one notification per recording statement (of up to NOTIFIED_IDS ids each: a payload holds at most 8000 bytes).
 */
export const SUBMISSION_FINISHED_CHANNEL = 'deltalab_submission_finished';
const NOTIFIED_IDS = 200;

/** Everything grading one stored submission needs, and what recording its score needs, from one query. */
export interface GradingClaim {
  submissionId: string;
  exerciseSlug: string;
  /** 'site': authored in the site, graded from its version's stored folder (versionId). */
  exerciseSource: 'catalogue' | 'site';
  versionId: string;
  kind: ExerciseKind;
  payload: SubmissionPayload;
  variantSeed: string;
  attempt: number;
  late: boolean;
  childDeaths: number;
  /** The course's rules for this exercise (no course_exercises row any more: no decay). */
  pointsDecayPerAttempt: number;
  /** The assessment slot's points per attempt (`[10, 7, 5]`); null: the decay rule. */
  pointsPerAttempt: number[] | null;
  /** The credit the assessment's timeline gave the submission (0..1); null: the course's late policy. */
  credit: number | null;
  latePolicy: LatePolicy;
  latePenalty: number;
}

/** The points per attempt of the assessment slot holding an exercise in a course (null when none sets them). */
export function slotPointsPerAttempt(courseId: SQL, exerciseId: SQL): SQL {
  return sql`(select s.points_per_attempt from assessment_slot_exercises se
    join assessment_slots s on s.id = se.slot_id where se.course_id = ${courseId} and se.exercise_id = ${exerciseId})`;
}

/** An array literal ('{a,b}') both drivers pass as one text parameter; ids are UUIDs, which need no quoting. */
function postgresArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * What a claim takes from a submission's exercise and course (a GradingClaim's other fields), for a row whose course
 * and exercise are `courseId` and `exerciseId`: its select-list columns and the joins they read.
 */
export function claimRules(courseId: SQL, exerciseId: SQL): { columns: SQL; joins: SQL } {
  return {
    columns: sql`e.slug as "exerciseSlug", e.source as "exerciseSource",
      coalesce(ce.points_decay_per_attempt, 0) as "pointsDecayPerAttempt",
      ${slotPointsPerAttempt(courseId, exerciseId)} as "pointsPerAttempt",
      c.late_policy as "latePolicy", c.late_penalty as "latePenalty"`,
    joins: sql`left join exercises e on e.id = ${exerciseId}
    left join courses c on c.id = ${courseId}
    left join course_exercises ce on ce.course_id = ${courseId} and ce.exercise_id = ${exerciseId}`,
  };
}

const claimedRules = claimRules(sql`claimed.course_id`, sql`claimed.exercise_id`);
/** The columns a claimed submission's row returns (the `claimed` CTE's) with its exercise and course: a GradingClaim. */
const claimedColumns = sql`claimed.id as "submissionId", claimed.exercise_version_id as "versionId", claimed.kind,
      claimed.payload, claimed.variant_seed as "variantSeed", claimed.attempt, claimed.late,
      claimed.child_deaths as "childDeaths", claimed.credit, ${claimedRules.columns}`;
const claimedJoins = claimedRules.joins;

/**
 * A submission still to grade (queued or running), by primary key: the cast keeps the planner from matching the test
 * to submissions_unfinished_idx's predicate, where it read that index whole beside the key (a BitmapAnd over one entry
 * per unfinished submission, and per finished one until a vacuum: ~0.5 µs each on PGlite, 2,000 in a drain).
 */
function stillToGrade(status: SQL): SQL {
  return sql`${status}::text in ('queued', 'running')`;
}

/** Marks the submissions `chosen` picks running (a duplicate delivery of a finished one changes nothing). */
function claimUpdate(chosen: SQL): SQL {
  return sql`update submissions
      set status = 'running', started_at = coalesce(started_at, now()), updated_at = now()
      where ${chosen} and ${stillToGrade(sql`status`)}
      returning id, course_id, exercise_id, exercise_version_id, kind, payload, variant_seed, attempt, late, credit, child_deaths`;
}

/**
 * Marks these submissions running and returns what grading them needs, in one statement (in the spirit of
 * PrairieLearn's select_grading_job_info): the submission, its exercise's slug, the course's rules for it. Submissions
 * already graded or failed (a duplicate delivery) or deleted are left out.
 */
export async function claimSubmissionsForGrading(db: Database, ids: string[]): Promise<GradingClaim[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`
    with claimed as (${claimUpdate(sql`id = any(${postgresArray(ids)}::uuid[])`)})
    select ${claimedColumns} from claimed ${claimedJoins}`);
  return rowsOf<GradingClaim>(result);
}

/** A job taken from the grading queue (the queue's `takeJobs` columns). */
export interface TakenJob {
  id: string;
  submissionId: string;
  attempt: number;
  final: boolean;
}

/**
 * Takes grading jobs and claims their submissions in one statement: `takeJobs` is the queue's own SQL (a
 * data-modifying CTE returning `id, submission_id, attempt, final`: this package knows nothing of the queue). Returns
 * every job taken, and the claims of those whose submission still needs grading; a job whose id is no submission's (a
 * regrade item) or whose submission is finished has no claim.
 */
export async function takeAndClaimSubmissions(db: Database, takeJobs: string): Promise<{ jobs: TakenJob[]; claims: GradingClaim[] }> {
  const result = await db.execute(sql`
    with taken as (${sql.raw(takeJobs)}),
    claimed as (${claimUpdate(sql`id = any (array(select submission_id::uuid from taken))`)})
    select taken.id as "jobId", taken.submission_id as "jobSubmissionId", taken.attempt as "jobAttempt", taken.final as "jobFinal",
      ${claimedColumns}
    from taken left join claimed on claimed.id = taken.submission_id::uuid ${claimedJoins}`);
  const rows = rowsOf<
    GradingClaim & { jobId: string; jobSubmissionId: string; jobAttempt: number; jobFinal: boolean; submissionId: string | null }
  >(result);
  return {
    jobs: rows.map((row) => ({ id: row.jobId, submissionId: row.jobSubmissionId, attempt: Number(row.jobAttempt), final: row.jobFinal })),
    claims: rows.flatMap(({ jobId: _id, jobSubmissionId: _s, jobAttempt: _a, jobFinal: _f, ...claim }) =>
      claim.submissionId === null ? [] : [claim as GradingClaim],
    ),
  };
}

/** A challenge entry's scores, written to its challenge_entries row with the grade. */
export interface ChallengeEntryScores {
  trainScore: number;
  publicScore: number;
  privateScore: number;
  boundary: string;
}

/**
 * A Verify job's outcome, written to the entry it re-trained: 'verified' when the re-trained model's public score is
 * within `margin` of the entry's own (decided in the statement, against the stored score), 'not-verified' below that,
 * 'failed' when re-training gave no score.
 */
export interface VerifyOutcome {
  entryId: string;
  score: number | null;
  margin: number;
  message: string;
}

/**
 * The dashboards' cells follow the grades just recorded, in the recording statement itself (no round trip more): a
 * data-modifying CTE that always runs, even though the final select does not read it.
 */
const foldIntoGradeCells = sql`
  insert into grade_cells (course_id, user_id, exercise_id, best_score, attempts, solved, late, first_solved_at)
  select course_id, user_id, exercise_id, max(score), max(attempt), coalesce(bool_or(passed), false), bool_or(late),
    min(graded_at) filter (where passed)
  from recorded where status = 'graded'
  group by course_id, user_id, exercise_id
  on conflict (course_id, user_id, exercise_id) do update set
    best_score = greatest(grade_cells.best_score, excluded.best_score),
    attempts = greatest(grade_cells.attempts, excluded.attempts),
    solved = grade_cells.solved or excluded.solved,
    late = grade_cells.late or excluded.late,
    first_solved_at = least(grade_cells.first_solved_at, excluded.first_solved_at)`;

/**
 * Recomputes the dashboards' cells of a course (or of one of its exercises) from its graded submissions: after a
 * regrade changes scores, and for rows stored without the recording statement (imports, the benchmark's seed).
 */
export async function rebuildGradeCells(db: Database, courseId: string, exerciseId?: string): Promise<void> {
  const oneExercise = exerciseId ? sql`and exercise_id = ${exerciseId}` : sql``;
  await db.execute(sql`
    with fresh as (
      select course_id, user_id, exercise_id, max(score) as best_score, max(attempt) as attempts,
        coalesce(bool_or(passed), false) as solved, coalesce(bool_or(late), false) as late,
        min(graded_at) filter (where passed) as first_solved_at
      from submissions where course_id = ${courseId} and status = 'graded' ${oneExercise}
      group by course_id, user_id, exercise_id
    ), gone as (
      delete from grade_cells g where g.course_id = ${courseId} ${exerciseId ? sql`and g.exercise_id = ${exerciseId}` : sql``}
        and not exists (select 1 from fresh f where f.user_id = g.user_id and f.exercise_id = g.exercise_id)
    )
    insert into grade_cells (course_id, user_id, exercise_id, best_score, attempts, solved, late, first_solved_at)
    select * from fresh
    on conflict (course_id, user_id, exercise_id) do update set best_score = excluded.best_score, attempts = excluded.attempts,
      solved = excluded.solved, late = excluded.late, first_solved_at = excluded.first_solved_at`);
}

/**
 * A challenge entry's scores, and a Verify job's outcome, written to the entry in the recording statement (never one
 * without the other): CTEs over its `input` and `recorded`, put in only when a record of the batch carries either
 * (planned and run for every code and numeric grade, they cost a fifth of the statement on PGlite).
 */
const entryUpdates = sql`, entry_scores as (
      update challenge_entries e
      set train_score = (input.challenge->>'trainScore')::real, public_score = (input.challenge->>'publicScore')::real,
        private_score = (input.challenge->>'privateScore')::real, boundary = input.challenge->>'boundary'
      from input join recorded on recorded.id = input.id
      where e.submission_id = input.id and input.challenge is not null
      returning e.submission_id
    ), verify_outcomes as (
      update challenge_entries e
      set verify_status = case
          when input.verify->>'score' is null then 'failed'
          when (input.verify->>'score')::real >= e.public_score - (input.verify->>'margin')::real - 1e-6 then 'verified'
          else 'not-verified' end,
        verify_score = (input.verify->>'score')::real, verify_message = input.verify->>'message'
      from input join recorded on recorded.id = input.id
      where e.submission_id = (input.verify->>'entryId')::uuid and e.verify_submission_id = input.id
      returning e.submission_id
    )`;

/** A grade to record (status graded), or why grading could not finish (status failed: the attempt is given back). */
export type GradingRecord =
  | {
      submissionId: string;
      status: 'graded';
      /** After the course's attempt decay and late penalty. */
      score: number;
      passed: boolean;
      result: unknown;
      graderVersion: string;
      timings: Record<string, number> | null;
      challenge?: ChallengeEntryScores;
      verify?: VerifyOutcome;
    }
  | { submissionId: string; status: 'failed'; failureMessage: string; result?: unknown; graderVersion?: string; verify?: VerifyOutcome };

/** What recording a batch did: the submissions recorded, and whether any is in a course with LMS grade columns. */
export interface RecordedGrades {
  ids: string[];
  /** Some recorded submission's course has LTI line items: their scores may need sending (else nothing to do). */
  inLtiCourses: boolean;
  /** With `returnRows`: the recorded submissions as they now are. */
  rows?: Submission[];
}

/**
 * Records a batch of outcomes in one statement, each exactly once: only a submission still queued or running
 * changes. Notifies SUBMISSION_FINISHED_CHANNEL with the recorded ids (delivered at commit). With `completeJobs`,
 * the same statement completes the batch's grading jobs (a job's id is its submission's). With `returnRows`, it
 * returns the recorded rows and notifies nobody: the caller tells whoever waits (the embedded database, where the
 * waiting requests are in the recording process and need not read the rows again).
 */
export async function recordGradingOutcomes(
  db: Database,
  records: GradingRecord[],
  options: { completeJobs?: CompleteJobs; returnRows?: boolean } = {},
): Promise<RecordedGrades> {
  if (records.length === 0) return { ids: [], inLtiCourses: false, ...(options.returnRows ? { rows: [] } : {}) };
  const input = records.map((record) =>
    record.status === 'graded'
      ? {
          id: record.submissionId,
          status: 'graded',
          score: record.score,
          passed: record.passed,
          result: record.result ?? null,
          grader_version: record.graderVersion,
          timings: record.timings,
          failure_message: null,
          challenge: record.challenge ?? null,
          verify: record.verify ?? null,
        }
      : {
          id: record.submissionId,
          status: 'failed',
          score: null,
          passed: null,
          result: record.result ?? null,
          grader_version: record.graderVersion ?? null,
          timings: null,
          failure_message: record.failureMessage,
          challenge: null,
          verify: record.verify ?? null,
        },
  );
  const inputJson = JSON.stringify(input);
  const challengeEntries = records.some((record) => record.verify || (record.status === 'graded' && record.challenge));
  const result = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${inputJson}::jsonb) as x(
        id uuid, status submission_status, score real, passed boolean, result jsonb, grader_version text,
        timings jsonb, failure_message text, challenge jsonb, verify jsonb)
    ), recorded as (
      update submissions s
      set status = input.status, score = input.score, passed = input.passed, result = input.result,
        grader_version = input.grader_version, timings = input.timings, failure_message = input.failure_message,
        counts_as_attempt = case when input.status = 'failed' then false else s.counts_as_attempt end,
        graded_at = now(), updated_at = now()
      from input
      -- By primary key (the array), whatever the planner guesses of jsonb_to_recordset's rows: joined on its own, it
      -- scanned every entry of submissions_unfinished_idx, which keeps one per submission ever stored until a vacuum.
      where s.id = input.id and s.id = any (array(select id from input)) and ${stillToGrade(sql`s.status`)}
      returning s.id, s.course_id, s.user_id, s.exercise_id, s.status, s.score, s.passed, s.late, s.attempt, s.graded_at
        ${options.returnRows ? sql`, to_jsonb(s.*) - 'result' as row` : sql``}
    )${challengeEntries ? entryUpdates : sql``}, cells as (
      ${foldIntoGradeCells}
    )${completedJobs(options.completeJobs)}
    select string_agg(id::text, ',') as ids,
      ${options.returnRows ? sql`jsonb_agg(row) as rows` : sql`pg_notify(${SUBMISSION_FINISHED_CHANNEL}, string_agg(id::text, ','))`},
      exists (select 1 from lti_line_items li where li.course_id in (select course_id from recorded)) as "inLtiCourses"
    from (select id, ${options.returnRows ? sql`row, ` : sql``}(row_number() over () - 1) / ${NOTIFIED_IDS} as part from recorded) numbered
    group by part`);
  // Both drivers parse jsonb: `rows` arrives as an array of the rows' JSON objects.
  const parts = rowsOf<{ ids: string; inLtiCourses: boolean; rows?: Record<string, unknown>[] }>(result);
  // A recorded row comes back without its result, which is the statement's own input, as stored (the JSON sent):
  // through the database it was text out, parsed and, on PGlite, copied between threads again (a sixth of the time).
  const resultOf = options.returnRows
    ? new Map((JSON.parse(inputJson) as typeof input).map((record) => [record.id.toLowerCase(), record.result]))
    : null;
  return {
    ids: parts.flatMap((part) => part.ids.split(',')),
    inLtiCourses: parts.some((part) => part.inLtiCourses),
    ...(options.returnRows
      ? {
          rows: parts.flatMap((part) =>
            (part.rows ?? []).map((row) => rowFromJson(submissions, { ...row, result: resultOf!.get(row.id as string) ?? null })),
          ),
        }
      : {}),
  };
}

/**
 * One more grading child this submission took down; returns the new count, or null when the submission is already
 * finished (another worker recorded it: nothing to run again).
 */
export async function countGradingChildDeath(db: Database, id: string): Promise<number | null> {
  const result = await db.execute(sql`
    update submissions set child_deaths = child_deaths + 1, updated_at = now()
    where id = ${id} and ${stillToGrade(sql`status`)}
    returning child_deaths as "childDeaths"`);
  return rowsOf<{ childDeaths: number }>(result)[0]?.childDeaths ?? null;
}
