import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf } from '../rawRows';
import { completedJobs, type CompleteJobs } from './completedJobs';
import { rebuildGradeCells, slotPointsPerAttempt, type GradingClaim } from './grading';
import { regrades, type Regrade, type RegradeScope } from '../schema';

/** Postgres array literal of UUIDs, one text parameter on both drivers. */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

export interface NewRegradeInput {
  courseId: string;
  exerciseId: string;
  versionId: string;
  scope: RegradeScope;
  requestedBy: string;
}

/**
 * Makes a regrade and one item per graded submission in its scope (each item copies the grade it had), in one
 * statement: the items are the jobs the grading queue runs. Returns the regrade and its item ids (empty when nothing
 * is in scope).
 */
export async function insertRegrade(db: Database, input: NewRegradeInput): Promise<{ regrade: Regrade; itemIds: string[] }> {
  const scope = input.scope;
  const inScope =
    scope.kind === 'version'
      ? sql`and s.exercise_version_id = ${scope.versionId}`
      : scope.kind === 'student'
        ? sql`and s.user_id = ${scope.userId}`
        : sql``;
  const result = await db.execute(sql`
    with regrade as (
      insert into regrades (course_id, exercise_id, version_id, scope, requested_by)
      values (${input.courseId}, ${input.exerciseId}, ${input.versionId}, ${JSON.stringify(scope)}::jsonb, ${input.requestedBy})
      returning id
    ), items as (
      insert into regrade_items (regrade_id, submission_id, old_score, old_passed, old_result)
      select regrade.id, s.id, s.score, s.passed, s.result
      from submissions s, regrade
      where s.course_id = ${input.courseId} and s.exercise_id = ${input.exerciseId} and s.status = 'graded' ${inScope}
      returning id
    )
    select (select id from regrade) as "regradeId", coalesce((select array_agg(id) from items), '{}') as "itemIds"`);
  const [row] = rowsOf<{ regradeId: string; itemIds: string[] | string }>(result);
  const itemIds = parseUuidArray(row!.itemIds);
  const [regrade] = await db
    .update(regrades)
    .set({ items: itemIds.length, status: itemIds.length === 0 ? 'ready' : 'grading' })
    .where(eq(regrades.id, row!.regradeId))
    .returning();
  return { regrade: regrade!, itemIds };
}

/** A uuid[] as either driver returns it (postgres.js: an array; some paths: the '{a,b}' text). */
function parseUuidArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

/**
 * What grading one regrade item needs: what grading its submission needs (the submission as it was sent, the
 * regrade's version), and the item that records it.
 */
export type RegradeClaim = GradingClaim & { itemId: string };

/**
 * Marks these regrade items running and returns what grading them needs, in one statement. Items already finished
 * (a duplicate delivery) are left out. Grading jobs whose id is no submission's come here: they are regrade items.
 */
export async function claimRegradeItems(db: Database, ids: string[]): Promise<RegradeClaim[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`
    with claimed as (
      update regrade_items set status = 'running'
      where id = any(${uuidArray(ids)}::uuid[]) and status in ('queued', 'running')
      returning id, regrade_id, submission_id, child_deaths
    )
    select claimed.id as "itemId", s.id as "submissionId", e.slug as "exerciseSlug", e.source as "exerciseSource",
      r.version_id as "versionId", s.kind, s.payload, s.variant_seed as "variantSeed", s.attempt, s.late,
      claimed.child_deaths as "childDeaths", coalesce(ce.points_decay_per_attempt, 0) as "pointsDecayPerAttempt", s.credit,
      ${slotPointsPerAttempt(sql`r.course_id`, sql`r.exercise_id`)} as "pointsPerAttempt",
      c.late_policy as "latePolicy", c.late_penalty as "latePenalty"
    from claimed
    join regrades r on r.id = claimed.regrade_id
    join submissions s on s.id = claimed.submission_id
    join exercises e on e.id = r.exercise_id
    join courses c on c.id = r.course_id
    left join course_exercises ce on ce.course_id = r.course_id and ce.exercise_id = r.exercise_id`);
  return rowsOf<RegradeClaim>(result);
}

export type RegradeRecord =
  | { itemId: string; status: 'graded'; score: number; passed: boolean; result: unknown }
  | { itemId: string; status: 'failed'; failureMessage: string };

/**
 * Records regrade grades exactly once each (only an item still queued or running changes), then marks every regrade
 * whose items are all finished `ready` to preview: one statement.
 */
export async function recordRegradeOutcomes(
  db: Database,
  records: RegradeRecord[],
  options: { completeJobs?: CompleteJobs } = {},
): Promise<void> {
  if (records.length === 0) return;
  const input = records.map((r) =>
    r.status === 'graded'
      ? { id: r.itemId, status: 'graded', score: r.score, passed: r.passed, result: r.result ?? null, failure_message: null }
      : { id: r.itemId, status: 'failed', score: null, passed: null, result: null, failure_message: r.failureMessage },
  );
  await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(
        id uuid, status submission_status, score real, passed boolean, result jsonb, failure_message text)
    ), recorded as (
      update regrade_items i
      set status = input.status, new_score = input.score, new_passed = input.passed, new_result = input.result,
        failure_message = input.failure_message, graded_at = now()
      from input
      where i.id = input.id and i.status in ('queued', 'running')
      returning i.regrade_id
    )${completedJobs(options.completeJobs)}
    update regrades r set status = 'ready'
    where r.id in (select regrade_id from recorded) and r.status = 'grading'
      and not exists (select 1 from regrade_items i where i.regrade_id = r.id and i.status in ('queued', 'running')
        and i.id not in (select id from input))`);
}

/** One more grading child this item's code took down; null when it is already finished. */
export async function countRegradeChildDeath(db: Database, itemId: string): Promise<number | null> {
  const result = await db.execute(sql`
    update regrade_items set child_deaths = child_deaths + 1
    where id = ${itemId} and status in ('queued', 'running')
    returning child_deaths as "childDeaths"`);
  return rowsOf<{ childDeaths: number }>(result)[0]?.childDeaths ?? null;
}

/** Items not finished (a restart queues them again, like unfinished submissions). */
export async function listUnfinishedRegradeItems(db: Database): Promise<{ id: string; status: 'queued' | 'running' }[]> {
  const result = await db.execute(sql`
    select i.id, i.status from regrade_items i join regrades r on r.id = i.regrade_id
    where r.status = 'grading' and i.status in ('queued', 'running')`);
  return rowsOf<{ id: string; status: 'queued' | 'running' }>(result);
}

export async function selectOptionalRegrade(db: Database, id: string): Promise<Regrade | undefined> {
  const [row] = await db.select().from(regrades).where(eq(regrades.id, id)).limit(1);
  return row;
}

/** One item of a regrade with its student, for the preview. */
export interface RegradeItemView {
  itemId: string;
  submissionId: string;
  userId: string;
  email: string;
  name: string;
  attempt: number;
  status: string;
  oldScore: number | null;
  newScore: number | null;
  oldPassed: boolean | null;
  newPassed: boolean | null;
  oldResult: unknown;
  newResult: unknown;
  failureMessage: string | null;
  appliedScore: number | null;
}

export async function listRegradeItems(db: Database, regradeId: string): Promise<RegradeItemView[]> {
  const result = await db.execute(sql`
    select i.id as "itemId", s.id as "submissionId", u.id as "userId", u.email, u.name, s.attempt, i.status,
      i.old_score as "oldScore", i.new_score as "newScore", i.old_passed as "oldPassed", i.new_passed as "newPassed",
      i.old_result as "oldResult", i.new_result as "newResult", i.failure_message as "failureMessage",
      i.applied_score as "appliedScore"
    from regrade_items i join submissions s on s.id = i.submission_id join users u on u.id = s.user_id
    where i.regrade_id = ${regradeId}
    order by u.name, u.email, s.attempt`);
  return rowsOf<RegradeItemView>(result).map((row) => ({
    ...row,
    oldScore: row.oldScore == null ? null : Number(row.oldScore),
    newScore: row.newScore == null ? null : Number(row.newScore),
  }));
}

/** A course's regrades, newest first, with who made and applied them and the exercise's slug. */
export async function listRegrades(db: Database, courseId: string, options: { exerciseId?: string } = {}) {
  const result = await db.execute(sql`
    select r.id, r.status, r.scope, r.items, r.created_at as "createdAt", r.applied_at as "appliedAt", r.never_lower as "neverLower",
      e.slug, v.number as "versionNumber", req.email as "requestedBy", app.email as "appliedBy"
    from regrades r join exercises e on e.id = r.exercise_id join exercise_versions v on v.id = r.version_id
      left join users req on req.id = r.requested_by left join users app on app.id = r.applied_by
    where r.course_id = ${courseId} ${options.exerciseId ? sql`and r.exercise_id = ${options.exerciseId}` : sql``}
    order by r.created_at desc`);
  return rowsOf<{
    id: string;
    status: string;
    scope: RegradeScope;
    items: number;
    createdAt: Date;
    appliedAt: Date | null;
    neverLower: boolean | null;
    slug: string;
    versionNumber: number;
    requestedBy: string | null;
    appliedBy: string | null;
  }>(result);
}

export type ApplyRegradeOutcome = { ok: true; changed: number } | { ok: false; reason: 'not-found' | 'not-ready' | 'already-applied' };

/**
 * Applies a ready regrade: every graded item's new grade replaces its submission's (with "never lower", a lower new
 * score keeps the old score, and the old passed/result with it), the submission moves to the regrade's version and
 * its history gets an entry (who, when, from, to, why). Only submissions whose score, verdict or reasons (`reasons`:
 * item id → the cases or fields whose verdict changed) differ change; the others keep their grade. One transaction;
 * a regrade is applied at most once.
 */
export async function applyRegrade(
  db: Database,
  input: { regradeId: string; neverLower: boolean; appliedBy: string; reasons: Record<string, string> },
): Promise<ApplyRegradeOutcome> {
  const run = async (tx: Database): Promise<ApplyRegradeOutcome> => {
    const [claimed] = await tx
      .update(regrades)
      .set({ status: 'applied', appliedBy: input.appliedBy, appliedAt: sql`now()`, neverLower: input.neverLower })
      .where(and(eq(regrades.id, input.regradeId), eq(regrades.status, 'ready')))
      .returning();
    if (!claimed) {
      const existing = await selectOptionalRegrade(tx, input.regradeId);
      return { ok: false, reason: !existing ? 'not-found' : existing.status === 'applied' ? 'already-applied' : 'not-ready' };
    }
    const reasons = JSON.stringify(input.reasons);
    const result = await tx.execute(sql`
      with chosen as (
        select i.id, i.submission_id,
          (${input.neverLower} and i.new_score < coalesce(i.old_score, 0)) as keep_old
        from regrade_items i
        where i.regrade_id = ${input.regradeId} and i.status = 'graded'
      ), marked as (
        update regrade_items i set applied_score = case when chosen.keep_old then i.old_score else i.new_score end
        from chosen where i.id = chosen.id
        returning i.id, i.submission_id, i.old_score, i.new_score, i.new_passed, i.new_result, chosen.keep_old
      ), changed as (
        update submissions s
        set score = marked.new_score, passed = marked.new_passed, result = marked.new_result,
          exercise_version_id = ${claimed.versionId}, updated_at = now(),
          regrades = s.regrades || jsonb_build_array(jsonb_build_object(
            'regradeId', ${input.regradeId}::text, 'appliedAt', now(), 'appliedBy', ${input.appliedBy}::text,
            'fromScore', marked.old_score, 'toScore', marked.new_score,
            'reason', coalesce((${reasons}::jsonb)->>(marked.id::text), 'score changed')))
        from marked
        where s.id = marked.submission_id and not marked.keep_old
          and (marked.new_score is distinct from marked.old_score or marked.new_passed is distinct from s.passed
            or (${reasons}::jsonb) ->> (marked.id::text) is not null)
        returning s.id
      )
      select count(*)::int as "changed" from changed`);
    // Scores changed (up or down): the exercise's dashboard cells are computed again from its submissions.
    await rebuildGradeCells(tx, claimed.courseId, claimed.exerciseId);
    return { ok: true, changed: rowsOf<{ changed: number }>(result)[0]?.changed ?? 0 };
  };
  // The status update (ready → applied) is the guard: a second apply, concurrent or later, finds nothing to claim.
  return db.transaction((tx) => run(tx));
}

export async function listRegradesForExercise(db: Database, courseId: string, exerciseId: string): Promise<Regrade[]> {
  return db
    .select()
    .from(regrades)
    .where(and(eq(regrades.courseId, courseId), eq(regrades.exerciseId, exerciseId)))
    .orderBy(desc(regrades.createdAt));
}
