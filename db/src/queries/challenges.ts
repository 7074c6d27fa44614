import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf, runsStatementsOneAtATime } from '../rawRows';
import {
  challengeEntries,
  challengeNames,
  challengeSettings,
  submissions,
  type ChallengeEntry,
  type ChallengeProvenance,
  type ChallengeSettingsRow,
  type Submission,
} from '../schema';
import { returningSubmission, submissionFromRow, touchLastActivity } from './submissions';

export interface NewChallengeEntryInput {
  userId: string;
  courseId: string;
  exerciseId: string;
  exerciseVersionId: string;
  model: unknown;
  provenance: ChallengeProvenance;
  params: number;
  uploadBytes: number;
  /** Entries count against the limit from this moment on (the start of the student's day). */
  since: Date;
  perDay: number;
}

export type InsertChallengeEntryOutcome = { ok: true; submission: Submission } | { ok: false; reason: 'daily-limit'; used: number };

/**
 * Stores an entry: the submission (queued for grading) and its challenge_entries row in one statement, only while the
 * student has entries left today. On PostgreSQL under a per-(user, course, exercise) advisory lock, so two entries at
 * once cannot both take the last one; on PGlite statements never interleave. Nothing is stored half.
 */
export async function insertChallengeEntry(db: Database, input: NewChallengeEntryInput): Promise<InsertChallengeEntryOutcome> {
  const p = input.provenance;
  const payload = { model: input.model, provenance: p };
  const statement = sql`
    with used as (
      select count(*)::int as n from ${challengeEntries}
      where user_id = ${input.userId} and course_id = ${input.courseId} and exercise_id = ${input.exerciseId} and created_at >= ${input.since.toISOString()}
    ), attempts as (
      select count(*)::int as n from submissions
      where user_id = ${input.userId} and course_id = ${input.courseId} and exercise_id = ${input.exerciseId} and counts_as_attempt
    ), inserted as (
      insert into submissions (user_id, course_id, exercise_id, exercise_version_id, kind, payload, variant_seed, late, attempt)
      select ${input.userId}, ${input.courseId}, ${input.exerciseId}, ${input.exerciseVersionId}, 'challenge', ${JSON.stringify(payload)}::jsonb,
        'canonical', false, attempts.n + 1
      from used, attempts where used.n < ${input.perDay}
      returning ${returningSubmission}
    ), entry as (
      insert into ${challengeEntries} (submission_id, user_id, course_id, exercise_id, params, upload_bytes, backend, epochs, seed,
        browser_train_score, training_ms)
      select "id", ${input.userId}, ${input.courseId}, ${input.exerciseId}, ${input.params}, ${input.uploadBytes}, ${p.backend}, ${p.epochs},
        ${p.seed}, ${p.trainAccuracy}, ${Math.round(p.trainingMs)}
      from inserted
      returning submission_id
    ), ${touchLastActivity(input.userId, input.courseId)}
    select inserted.*, (select n from used) as "usedToday" from inserted join entry on entry.submission_id = inserted."id"`;
  const rows = runsStatementsOneAtATime(db)
    ? rowsOf<Record<string, unknown>>(await db.execute(statement))
    : await db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`challenge:${input.userId}:${input.courseId}:${input.exerciseId}`}, 0))`,
        );
        return rowsOf<Record<string, unknown>>(await tx.execute(statement));
      });
  const [row] = rows;
  if (!row)
    return {
      ok: false,
      reason: 'daily-limit',
      used: await countChallengeEntriesSince(db, input.userId, input.courseId, input.exerciseId, input.since),
    };
  return { ok: true, submission: submissionFromRow(row) };
}

export async function countChallengeEntriesSince(
  db: Database,
  userId: string,
  courseId: string,
  exerciseId: string,
  since: Date,
): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from ${challengeEntries}
    where user_id = ${userId} and course_id = ${courseId} and exercise_id = ${exerciseId} and created_at >= ${since.toISOString()}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** An entry with its grading state (the student's list and GET /entries/:id). */
export interface ChallengeEntryView extends ChallengeEntry {
  status: Submission['status'];
  failureMessage: string | null;
  result: unknown;
}

function viewOf(row: Record<string, unknown>): ChallengeEntryView {
  return {
    ...(row.entry as ChallengeEntry),
    status: row.status as Submission['status'],
    failureMessage: (row.failureMessage as string | null) ?? null,
    result: row.result ?? null,
  };
}

export async function selectChallengeEntry(db: Database, submissionId: string): Promise<ChallengeEntryView | undefined> {
  const [row] = await db
    .select({ entry: challengeEntries, status: submissions.status, failureMessage: submissions.failureMessage, result: submissions.result })
    .from(challengeEntries)
    .innerJoin(submissions, eq(submissions.id, challengeEntries.submissionId))
    .where(eq(challengeEntries.submissionId, submissionId))
    .limit(1);
  return row ? viewOf(row) : undefined;
}

/** One student's entries in a challenge, newest first. */
export async function listChallengeEntries(
  db: Database,
  userId: string,
  courseId: string,
  exerciseId: string,
  limit = 200,
): Promise<ChallengeEntryView[]> {
  const rows = await db
    .select({ entry: challengeEntries, status: submissions.status, failureMessage: submissions.failureMessage, result: submissions.result })
    .from(challengeEntries)
    .innerJoin(submissions, eq(submissions.id, challengeEntries.submissionId))
    .where(and(eq(challengeEntries.userId, userId), eq(challengeEntries.courseId, courseId), eq(challengeEntries.exerciseId, exerciseId)))
    .orderBy(desc(challengeEntries.createdAt))
    .limit(limit);
  return rows.map(viewOf);
}

/**
 * Marks an entry final or not. Refused (false) beyond `maxFinal` finals per student and challenge, or for an entry that
 * is not the user's.
 */
export async function setChallengeEntryFinal(
  db: Database,
  input: { userId: string; submissionId: string; final: boolean; maxFinal: number },
): Promise<boolean> {
  const result = await db.execute(sql`
    update ${challengeEntries} e set final = ${input.final}
    where e.submission_id = ${input.submissionId} and e.user_id = ${input.userId}
      and (${!input.final} or (select count(*) from ${challengeEntries} o
        where o.user_id = e.user_id and o.course_id = e.course_id and o.exercise_id = e.exercise_id and o.final
          and o.submission_id <> e.submission_id) < ${input.maxFinal})
    returning e.submission_id`);
  return rowsOf(result).length > 0;
}

/** One student's row of a board (before ranking, which the caller does by the split that decides). */
export interface ChallengeBoardRow {
  userId: string;
  realName: string;
  /** The student's chosen name, null when they chose none. */
  alias: string | null;
  /** All entries, graded or not. */
  entries: number;
  lastEntryAt: Date;
  /** Their best entry by public score (fewer parameters, then earlier, on ties). */
  best: ChallengeBoardEntry;
  /** The entry that counts after the deadline: the best private among their finals, else their best public entry. */
  counted: ChallengeBoardEntry & { final: boolean };
}

/** One entry as a board row shows it. */
interface ChallengeBoardEntry {
  submissionId: string;
  publicScore: number;
  privateScore: number | null;
  params: number;
  verifyStatus: string | null;
  verifyScore: number | null;
}

/** Every enrolled student's standing in one challenge of a course, in one query. */
export async function challengeBoard(db: Database, courseId: string, exerciseId: string): Promise<ChallengeBoardRow[]> {
  const result = await db.execute(sql`
    with mine as (
      select * from ${challengeEntries} where course_id = ${courseId} and exercise_id = ${exerciseId}
    ), per_user as (
      select user_id, count(*)::int as entries, max(created_at) as last_entry_at, bool_or(final and public_score is not null) as has_final
      from mine group by user_id
    ), best as (
      select distinct on (user_id) * from mine where public_score is not null
      order by user_id, public_score desc, params asc, created_at asc
    ), counted as (
      select distinct on (m.user_id) m.* from mine m join per_user pu on pu.user_id = m.user_id
      join best b on b.user_id = m.user_id
      where m.public_score is not null and ((pu.has_final and m.final) or (not pu.has_final and m.submission_id = b.submission_id))
      order by m.user_id, m.private_score desc nulls last, m.params asc, m.created_at asc
    )
    select pu.user_id as "userId", u.name as "realName", cn.name as alias, pu.entries,
      extract(epoch from pu.last_entry_at) * 1000 as "lastEntryMs",
      json_build_object('submissionId', b.submission_id, 'publicScore', b.public_score, 'privateScore', b.private_score, 'params', b.params,
        'verifyStatus', b.verify_status, 'verifyScore', b.verify_score) as best,
      json_build_object('submissionId', c.submission_id, 'publicScore', c.public_score, 'privateScore', c.private_score, 'params', c.params,
        'verifyStatus', c.verify_status, 'verifyScore', c.verify_score, 'final', c.final) as counted
    from per_user pu
    join best b on b.user_id = pu.user_id
    join counted c on c.user_id = pu.user_id
    join users u on u.id = pu.user_id
    join enrollments en on en.user_id = pu.user_id and en.course_id = ${courseId} and en.role = 'student' and en.dropped_at is null
    left join ${challengeNames} cn on cn.course_id = ${courseId} and cn.user_id = pu.user_id`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    userId: row.userId as string,
    realName: row.realName as string,
    alias: (row.alias as string | null) ?? null,
    entries: Number(row.entries),
    lastEntryAt: new Date(Number(row.lastEntryMs)),
    best: parseJson(row.best) as ChallengeBoardRow['best'],
    counted: parseJson(row.counted) as ChallengeBoardRow['counted'],
  }));
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The decision boundaries of these entries (shown after the reveal for the top of the board). */
export async function selectEntryBoundaries(db: Database, submissionIds: string[]): Promise<Map<string, string>> {
  if (submissionIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select submission_id as "submissionId", boundary from ${challengeEntries} where submission_id = any(${`{${submissionIds.join(',')}}`}::uuid[])`);
  return new Map(
    rowsOf<{ submissionId: string; boundary: string | null }>(result).flatMap((r) =>
      r.boundary ? [[r.submissionId, r.boundary] as const] : [],
    ),
  );
}

export async function selectChallengeSettings(
  db: Database,
  courseId: string,
  exerciseId: string,
): Promise<ChallengeSettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeSettings)
    .where(and(eq(challengeSettings.courseId, courseId), eq(challengeSettings.exerciseId, exerciseId)))
    .limit(1);
  return row;
}

export async function upsertChallengeSettings(
  db: Database,
  input: { courseId: string; exerciseId: string; deadline: Date | null; entriesPerDay: number | null },
): Promise<void> {
  await db
    .insert(challengeSettings)
    .values({ ...input, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [challengeSettings.courseId, challengeSettings.exerciseId],
      // A new deadline may pass again: the top entries are verified again after it.
      set: { deadline: input.deadline, entriesPerDay: input.entriesPerDay, verifyQueuedAt: null, updatedAt: new Date() },
    });
}

/** True exactly once per deadline: the caller then queues the top entries for Verify. */
export async function claimVerifyAfterDeadline(db: Database, courseId: string, exerciseId: string): Promise<boolean> {
  const result = await db.execute(sql`
    insert into ${challengeSettings} (course_id, exercise_id, verify_queued_at) values (${courseId}, ${exerciseId}, now())
    on conflict (course_id, exercise_id) do update set verify_queued_at = now() where ${challengeSettings}.verify_queued_at is null
    returning course_id`);
  return rowsOf(result).length > 0;
}

/**
 * Stores a Verify job for an entry: a submission of its own (never an attempt, never an entry) that re-trains the
 * entry's code, and marks the entry queued, in one statement. Null when the entry does not exist or is already queued.
 */
export async function insertVerifyJob(
  db: Database,
  entryId: string,
  retrain: { code: string; seed: number; epochs: number; engine: 'compiled' | 'tfjs' },
): Promise<Submission | null> {
  const payload = { retrain, verifyOf: entryId };
  const result = await db.execute(sql`
    with entry as (
      select e.*, s.exercise_version_id from ${challengeEntries} e join submissions s on s.id = e.submission_id
      where e.submission_id = ${entryId} and e.verify_status is distinct from 'queued'
    ), inserted as (
      insert into submissions (user_id, course_id, exercise_id, exercise_version_id, kind, payload, variant_seed, late, attempt, counts_as_attempt)
      select user_id, course_id, exercise_id, exercise_version_id, 'challenge', ${JSON.stringify(payload)}::jsonb, 'canonical', false, 0, false from entry
      returning ${returningSubmission}
    ), marked as (
      update ${challengeEntries} e set verify_status = 'queued', verify_submission_id = inserted."id", verify_score = null, verify_message = null
      from inserted where e.submission_id = ${entryId}
      returning e.submission_id
    )
    select inserted.* from inserted join marked on true`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  return row ? submissionFromRow(row) : null;
}

/** Sets (or changes) a student's name on a course's boards; false when another student of the course has it. */
export async function setChallengeName(db: Database, courseId: string, userId: string, name: string): Promise<boolean> {
  try {
    const result = await db.execute(sql`
      insert into ${challengeNames} (course_id, user_id, name) select ${courseId}, ${userId}, ${name}
      where not exists (select 1 from ${challengeNames} where course_id = ${courseId} and lower(name) = lower(${name}) and user_id <> ${userId})
      on conflict (course_id, user_id) do update set name = excluded.name, updated_at = now()
      returning user_id`);
    return rowsOf(result).length > 0;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return false;
    throw error;
  }
}

export async function selectChallengeName(db: Database, courseId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: challengeNames.name })
    .from(challengeNames)
    .where(and(eq(challengeNames.courseId, courseId), eq(challengeNames.userId, userId)))
    .limit(1);
  return row?.name ?? null;
}
