import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import {
  enrollments,
  type Assessment,
  ltiContexts,
  ltiDeepLinks,
  ltiKeys,
  ltiLineItems,
  ltiLoginStates,
  ltiNonces,
  ltiPlatforms,
  ltiScores,
  ltiUsers,
  users,
  type CourseRole,
  type LtiContext,
  type LtiDeepLink,
  type LtiKey,
  type LtiLineItem,
  type LtiPlatform,
  type LtiScore,
} from '../schema';
import { rowsOf } from '../rawRows';

// ---------------------------------------------------------------- platforms

export interface LtiPlatformInput {
  /** Kept as it is on an update when not given; a new registration defaults to the issuer's host. */
  name?: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

/**
 * Registers a platform, or updates the registration with the same issuer and client id (its endpoints and name are
 * replaced, its deployment ids gain the new ones). Returns the row and whether it was new.
 */
export async function upsertLtiPlatform(db: Database, input: LtiPlatformInput): Promise<{ platform: LtiPlatform; created: boolean }> {
  const [existing] = await db
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.issuer, input.issuer), eq(ltiPlatforms.clientId, input.clientId)))
    .limit(1);
  if (!existing) {
    const [platform] = await db
      .insert(ltiPlatforms)
      .values({ ...input, name: input.name ?? new URL(input.issuer).host })
      .returning();
    return { platform: platform!, created: true };
  }
  const deploymentIds = [...new Set([...existing.deploymentIds, ...input.deploymentIds])];
  const [platform] = await db
    .update(ltiPlatforms)
    .set({ ...input, name: input.name ?? existing.name, deploymentIds })
    .where(eq(ltiPlatforms.id, existing.id))
    .returning();
  return { platform: platform!, created: false };
}

export async function listLtiPlatforms(db: Database): Promise<LtiPlatform[]> {
  return db.select().from(ltiPlatforms).orderBy(asc(ltiPlatforms.createdAt));
}

/** The registrations of an issuer (one per client id; a launch's `aud` picks one). */
export async function listLtiPlatformsByIssuer(db: Database, issuer: string): Promise<LtiPlatform[]> {
  return db.select().from(ltiPlatforms).where(eq(ltiPlatforms.issuer, issuer));
}

export async function selectOptionalLtiPlatform(db: Database, id: string): Promise<LtiPlatform | undefined> {
  const [row] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, id)).limit(1);
  return row;
}

export async function selectLtiPlatformByIssuerAndClient(db: Database, issuer: string, clientId: string): Promise<LtiPlatform | undefined> {
  const [row] = await db
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.issuer, issuer), eq(ltiPlatforms.clientId, clientId)))
    .limit(1);
  return row;
}

/** What removing a platform takes with it: its LMS courses (and the Deltalab course each is linked to), line items, scores, identities. */
export interface LtiPlatformUsage {
  contexts: { title: string; courseTitle: string | null }[];
  lineItems: number;
  scores: number;
  identities: number;
}

export async function ltiPlatformUsage(db: Database, platformId: string): Promise<LtiPlatformUsage> {
  const contexts = await db.execute(sql`
    select c.title, co.title as course_title from lti_contexts c left join courses co on co.id = c.course_id
    where c.platform_id = ${platformId} order by c.created_at`);
  const counts = await db.execute(sql`
    select
      (select count(*)::int from lti_line_items li join lti_contexts c on c.id = li.context_id where c.platform_id = ${platformId}) as line_items,
      (select count(*)::int from lti_scores s join lti_line_items li on li.id = s.line_item_id
        join lti_contexts c on c.id = li.context_id where c.platform_id = ${platformId}) as scores,
      (select count(*)::int from lti_users u where u.platform_id = ${platformId}) as identities`);
  const count = rowsOf<{ line_items: number; scores: number; identities: number }>(counts)[0]!;
  return {
    contexts: rowsOf<{ title: string; course_title: string | null }>(contexts).map((r) => ({
      title: r.title,
      courseTitle: r.course_title,
    })),
    lineItems: Number(count.line_items),
    scores: Number(count.scores),
    identities: Number(count.identities),
  };
}

/** Removes a registration and, by cascade, its LTI records (contexts, line items, scores, identities, states); never courses or grades. */
export async function deleteLtiPlatform(db: Database, id: string): Promise<boolean> {
  const rows = await db.delete(ltiPlatforms).where(eq(ltiPlatforms.id, id)).returning({ id: ltiPlatforms.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- the tool's keys

/** Keys still served: the active ones and those retired less than `graceMs` ago, newest first. */
export async function listLtiKeys(db: Database, graceMs = 24 * 3_600_000): Promise<LtiKey[]> {
  return db
    .select()
    .from(ltiKeys)
    .where(or(isNull(ltiKeys.retiredAt), gt(ltiKeys.retiredAt, new Date(Date.now() - graceMs))))
    .orderBy(desc(ltiKeys.createdAt));
}

/** Adds a key and retires every other active one (in one transaction: there is always exactly one signing key). */
export async function rotateLtiKey(db: Database, key: Pick<LtiKey, 'kid' | 'privateJwk' | 'publicJwk'>): Promise<number> {
  return db.transaction(async (tx) => {
    const retired = await tx
      .update(ltiKeys)
      .set({ retiredAt: new Date() })
      .where(isNull(ltiKeys.retiredAt))
      .returning({ kid: ltiKeys.kid });
    await tx.insert(ltiKeys).values(key);
    return retired.length;
  });
}

/** Adds the first key unless one is active already (two processes starting at once keep one). */
export async function insertFirstLtiKey(db: Database, key: Pick<LtiKey, 'kid' | 'privateJwk' | 'publicJwk'>): Promise<void> {
  await db.execute(sql`
    insert into lti_keys (kid, private_jwk, public_jwk)
    select ${key.kid}, ${JSON.stringify(key.privateJwk)}::jsonb, ${JSON.stringify(key.publicJwk)}::jsonb
    where not exists (select 1 from lti_keys where retired_at is null)`);
}

// ---------------------------------------------------------------- login state, nonces

export async function insertLtiLoginState(db: Database, row: typeof ltiLoginStates.$inferInsert): Promise<void> {
  await db.delete(ltiLoginStates).where(lt(ltiLoginStates.expiresAt, new Date()));
  await db.insert(ltiLoginStates).values(row);
}

/** Takes a login state (once: it is deleted); undefined when unknown, used or expired. */
export async function takeLtiLoginState(db: Database, state: string): Promise<typeof ltiLoginStates.$inferSelect | undefined> {
  const [row] = await db.delete(ltiLoginStates).where(eq(ltiLoginStates.state, state)).returning();
  return row && row.expiresAt > new Date() ? row : undefined;
}

/** Records a nonce; false when it was seen before (a replayed id_token). Expired nonces are forgotten. */
export async function acceptLtiNonce(db: Database, platformId: string, nonce: string, expiresAt: Date): Promise<boolean> {
  await db.delete(ltiNonces).where(lt(ltiNonces.expiresAt, new Date()));
  const rows = await db
    .insert(ltiNonces)
    .values({ platformId, nonce, expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: ltiNonces.nonce });
  return rows.length > 0;
}

// ---------------------------------------------------------------- users

export async function selectLtiUserId(db: Database, platformId: string, sub: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: ltiUsers.userId })
    .from(ltiUsers)
    .where(and(eq(ltiUsers.platformId, platformId), eq(ltiUsers.sub, sub)))
    .limit(1);
  return row?.userId;
}

/** Links a platform identity to an account; returns the account it is linked to (an earlier link wins). */
export async function linkLtiUser(db: Database, platformId: string, sub: string, userId: string): Promise<string> {
  await db.insert(ltiUsers).values({ platformId, sub, userId }).onConflictDoNothing();
  return (await selectLtiUserId(db, platformId, sub))!;
}

/** The platform identities of a course's members (NRPS: who is known already). */
export async function listLtiUsersOfPlatform(db: Database, platformId: string, subs: string[]): Promise<Map<string, string>> {
  if (subs.length === 0) return new Map();
  const rows = await db
    .select({ sub: ltiUsers.sub, userId: ltiUsers.userId })
    .from(ltiUsers)
    .where(and(eq(ltiUsers.platformId, platformId), inArray(ltiUsers.sub, subs)));
  return new Map(rows.map((r) => [r.sub, r.userId]));
}

// ---------------------------------------------------------------- contexts

export interface LtiContextInput {
  platformId: string;
  deploymentId: string;
  contextId: string;
  title: string;
  membershipsUrl: string | null;
  lineItemsUrl: string | null;
  agsScopes: string[];
}

/** Records an LMS context as a launch describes it (its title and service URLs follow the latest launch). */
export async function upsertLtiContext(db: Database, input: LtiContextInput): Promise<LtiContext> {
  const set: Partial<LtiContextInput> = { title: input.title };
  if (input.membershipsUrl) set.membershipsUrl = input.membershipsUrl;
  if (input.lineItemsUrl) {
    set.lineItemsUrl = input.lineItemsUrl;
    set.agsScopes = input.agsScopes;
  }
  const [row] = await db
    .insert(ltiContexts)
    .values(input)
    .onConflictDoUpdate({ target: [ltiContexts.platformId, ltiContexts.deploymentId, ltiContexts.contextId], set })
    .returning();
  return row!;
}

export async function selectOptionalLtiContext(db: Database, id: string): Promise<LtiContext | undefined> {
  const [row] = await db.select().from(ltiContexts).where(eq(ltiContexts.id, id)).limit(1);
  return row;
}

export async function linkLtiContext(db: Database, id: string, courseId: string): Promise<LtiContext | undefined> {
  const [row] = await db.update(ltiContexts).set({ courseId, linkedAt: new Date() }).where(eq(ltiContexts.id, id)).returning();
  return row;
}

export async function listLtiContextsOfCourse(db: Database, courseId: string): Promise<(LtiContext & { platformName: string })[]> {
  const rows = await db
    .select({ context: ltiContexts, platformName: ltiPlatforms.name })
    .from(ltiContexts)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
    .where(eq(ltiContexts.courseId, courseId))
    .orderBy(asc(ltiContexts.createdAt));
  return rows.map((r) => ({ ...r.context, platformName: r.platformName }));
}

/** Every linked context with a memberships URL (the daily roster sync). */
export async function listLtiContextsWithRoster(db: Database): Promise<LtiContext[]> {
  return db
    .select()
    .from(ltiContexts)
    .where(and(sql`${ltiContexts.courseId} is not null`, sql`${ltiContexts.membershipsUrl} is not null`));
}

export async function markLtiRosterSynced(db: Database, id: string): Promise<void> {
  await db.update(ltiContexts).set({ rosterSyncedAt: new Date() }).where(eq(ltiContexts.id, id));
}

// ---------------------------------------------------------------- line items

export type LtiLineItemInput = Pick<
  LtiLineItem,
  'contextId' | 'courseId' | 'resourceKind' | 'resourceId' | 'url' | 'scoreMaximum' | 'label'
>;

/**
 * Records the line item of a resource in a context (a newer URL for the same resource replaces the old one). `changed`:
 * it is new, or now points at another column (its scores need sending).
 */
export async function upsertLtiLineItem(db: Database, input: LtiLineItemInput): Promise<LtiLineItem & { changed: boolean }> {
  const [before] = await db
    .select({ url: ltiLineItems.url })
    .from(ltiLineItems)
    .where(
      and(
        eq(ltiLineItems.contextId, input.contextId),
        eq(ltiLineItems.resourceKind, input.resourceKind),
        eq(ltiLineItems.resourceId, input.resourceId),
      ),
    )
    .limit(1);
  const [row] = await db
    .insert(ltiLineItems)
    .values(input)
    .onConflictDoUpdate({
      target: [ltiLineItems.contextId, ltiLineItems.resourceKind, ltiLineItems.resourceId],
      set: { url: input.url, scoreMaximum: input.scoreMaximum, label: input.label },
    })
    .returning();
  return { ...row!, changed: before?.url !== input.url };
}

export async function listLtiLineItemsOfContext(db: Database, contextId: string): Promise<LtiLineItem[]> {
  return db.select().from(ltiLineItems).where(eq(ltiLineItems.contextId, contextId)).orderBy(asc(ltiLineItems.createdAt));
}

// ---------------------------------------------------------------- scores

/** AGS `activityProgress`: where the student is in the activity. */
export type LtiActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
/** AGS `gradingProgress`: whether the score is final. */
export type LtiGradingProgress = 'FullyGraded' | 'Pending' | 'NotReady';

/**
 * A score to be sent: a line item, a student, the points earned on the line item's scale (null: none to show yet), and
 * the AGS progress values.
 */
export interface LtiScoreToSend {
  lineItemId: string;
  userId: string;
  scoreGiven: number | null;
  scoreMaximum: number;
  activityProgress: LtiActivityProgress;
  gradingProgress: LtiGradingProgress;
}

/**
 * Which students' scores to compute: those of just-graded submissions, a whole LMS course, one student of a course, or
 * some students of a course (the exams closed by the clock).
 */
export type LtiScoreScope =
  { submissionIds: string[] } | { contextId: string } | { courseId: string; userId: string } | { courseId: string; userIds: string[] };

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** A scope that names no one (no submissions, no students): nothing to compute. */
const emptyScope = (scope: LtiScoreScope) =>
  ('submissionIds' in scope && scope.submissionIds.length === 0) || ('userIds' in scope && scope.userIds.length === 0);

/**
 * The condition on line items `li` and their students' column `user` that selects a scope. Submissions name their
 * (course, resource, student) triples through `resourcesOf`, a select of those from `submissions s` for the ids given.
 */
function scopeCondition(scope: LtiScoreScope, user: SQL, resourcesOf: (ids: SQL) => SQL): SQL {
  if ('submissionIds' in scope) return sql`(li.course_id, li.resource_id, ${user}) in (${resourcesOf(uuidList(scope.submissionIds))})`;
  if ('contextId' in scope) return sql`li.context_id = ${scope.contextId}`;
  if ('userIds' in scope) return sql`li.course_id = ${scope.courseId} and ${user} in (${uuidList(scope.userIds)})`;
  return sql`li.course_id = ${scope.courseId} and ${user} = ${scope.userId}`;
}

/**
 * The scores of exercise line items as the grades stand, for a scope. Only members in `roles` (the students: staff are
 * never sent) who are not dropped and not a test student; a student without a grade yet is left out. Full marks are
 * `Completed`, less `Submitted` (the student may try again); a recorded grade is `FullyGraded`.
 */
export async function ltiExerciseScores(db: Database, scope: LtiScoreScope, roles: readonly CourseRole[]): Promise<LtiScoreToSend[]> {
  if (emptyScope(scope)) return [];
  const where = scopeCondition(
    scope,
    sql`gc.user_id`,
    (ids) => sql`select s.course_id, s.exercise_id, s.user_id from submissions s where s.id in (${ids})`,
  );
  const rows = await db.execute(sql`
    select li.id as line_item_id, gc.user_id, gc.best_score * li.score_maximum as score_given, li.score_maximum
    from lti_line_items li
    join grade_cells gc on gc.course_id = li.course_id and gc.exercise_id = li.resource_id
    join enrollments e on e.user_id = gc.user_id and e.course_id = li.course_id
    where li.resource_kind = 'exercise' and gc.best_score is not null
      and e.dropped_at is null and not e.test_student
      and e.role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
      and ${where}`);
  return rowsOf<{ line_item_id: string; user_id: string; score_given: number; score_maximum: number }>(rows).map((r) => {
    const scoreGiven = Math.round(Number(r.score_given) * 1e6) / 1e6;
    const scoreMaximum = Number(r.score_maximum);
    return {
      lineItemId: r.line_item_id,
      userId: r.user_id,
      scoreGiven,
      scoreMaximum,
      activityProgress: scoreGiven >= scoreMaximum ? 'Completed' : 'Submitted',
      gradingProgress: 'FullyGraded',
    };
  });
}

/** An assessment line item and one of its students whose score may have changed, with what the progress values need. */
export interface LtiAssessmentScoreTarget {
  lineItemId: string;
  courseId: string;
  assessmentId: string;
  userId: string;
  section: string | null;
  scoreMaximum: number;
  /** The student's exam instance (null: none, or a homework). */
  instance: { startedAt: Date; closedAt: Date | null } | null;
  /** A submission to one of the assessment's exercises is still queued or grading. */
  grading: boolean;
}

/**
 * The (assessment line item, student) pairs of a scope whose score may have changed: students (in `roles`, not dropped,
 * not test students) who started the assessment or have a grade in one of its exercises. The score itself is computed
 * by the caller with the gradebook's assessment rules (slots, pools, points), so the two never disagree.
 */
export async function ltiAssessmentScoreTargets(
  db: Database,
  scope: LtiScoreScope,
  roles: readonly CourseRole[],
): Promise<LtiAssessmentScoreTarget[]> {
  if (emptyScope(scope)) return [];
  const where = scopeCondition(
    scope,
    sql`e.user_id`,
    (ids) => sql`select s.course_id, sl.assessment_id, s.user_id from submissions s
          join assessment_slot_exercises ase on ase.course_id = s.course_id and ase.exercise_id = s.exercise_id
          join assessment_slots sl on sl.id = ase.slot_id
          where s.id in (${ids})`,
  );
  const rows = await db.execute(sql`
    select li.id as line_item_id, li.course_id, li.resource_id as assessment_id, e.user_id, e.section, li.score_maximum,
      ai.started_at, ai.closed_at,
      exists (select 1 from submissions s
        join assessment_slot_exercises ase on ase.course_id = s.course_id and ase.exercise_id = s.exercise_id
        join assessment_slots sl on sl.id = ase.slot_id
        where sl.assessment_id = li.resource_id and s.user_id = e.user_id and s.course_id = li.course_id
          and s.status in ('queued', 'running')) as grading
    from lti_line_items li
    join enrollments e on e.course_id = li.course_id
    left join assessment_instances ai on ai.assessment_id = li.resource_id and ai.user_id = e.user_id
    where li.resource_kind = 'assessment'
      and e.dropped_at is null and not e.test_student
      and e.role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
      and (ai.id is not null or exists (select 1 from grade_cells gc
        join assessment_slot_exercises ase on ase.course_id = gc.course_id and ase.exercise_id = gc.exercise_id
        join assessment_slots sl on sl.id = ase.slot_id
        where sl.assessment_id = li.resource_id and gc.user_id = e.user_id and gc.course_id = li.course_id))
      and ${where}`);
  return rowsOf<{
    line_item_id: string;
    course_id: string;
    assessment_id: string;
    user_id: string;
    section: string | null;
    score_maximum: number;
    started_at: Date | string | null;
    closed_at: Date | string | null;
    grading: boolean;
  }>(rows).map((r) => ({
    lineItemId: r.line_item_id,
    courseId: r.course_id,
    assessmentId: r.assessment_id,
    userId: r.user_id,
    section: r.section,
    scoreMaximum: Number(r.score_maximum),
    instance: r.started_at ? { startedAt: new Date(r.started_at), closedAt: r.closed_at ? new Date(r.closed_at) : null } : null,
    grading: Boolean(r.grading),
  }));
}

/** An exam instance whose LMS score is not `Completed` yet, with what the assessment rules need to tell if it closed. */
export interface LtiExamClosingCandidate {
  courseId: string;
  assessmentId: string;
  userId: string;
  section: string | null;
  assessment: Pick<Assessment, 'type' | 'releaseAt' | 'dueAt' | 'lateDeadlines' | 'afterLastDeadline' | 'timeLimitMinutes'>;
  instance: { startedAt: Date; closedAt: Date | null };
}

/**
 * The exam instances that may have closed by the clock without the LMS being told: instances of published exams with
 * an LMS line item, of students (in `roles`, not dropped, not test students), whose score row does not say `Completed`
 * yet (none sent, or an earlier progress). Whether each has closed is the caller's to decide with the assessment rules
 * (time limit with the student's override, deadline): SQL would duplicate them. Instances the student finished are
 * included too: their hook's post normally made the row `Completed` already, and one that failed is caught up here.
 */
export async function ltiExamClosingCandidates(db: Database, roles: readonly CourseRole[]): Promise<LtiExamClosingCandidate[]> {
  const rows = await db.execute(sql`
    select distinct li.course_id, a.id as assessment_id, ai.user_id, e.section, a.release_at, a.due_at, a.late_deadlines,
      a.after_last_deadline, a.time_limit_minutes, ai.started_at, ai.closed_at
    from lti_line_items li
    join assessments a on a.id = li.resource_id and a.type = 'exam' and a.published
    join assessment_instances ai on ai.assessment_id = a.id
    join enrollments e on e.course_id = li.course_id and e.user_id = ai.user_id
    left join lti_scores s on s.line_item_id = li.id and s.user_id = ai.user_id
    where li.resource_kind = 'assessment'
      and e.dropped_at is null and not e.test_student
      and e.role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
      and s.activity_progress is distinct from 'Completed'`);
  return rowsOf<{
    course_id: string;
    assessment_id: string;
    user_id: string;
    section: string | null;
    release_at: Date | string | null;
    due_at: Date | string | null;
    late_deadlines: Assessment['lateDeadlines'] | string;
    after_last_deadline: Assessment['afterLastDeadline'];
    time_limit_minutes: number | null;
    started_at: Date | string;
    closed_at: Date | string | null;
  }>(rows).map((r) => ({
    courseId: r.course_id,
    assessmentId: r.assessment_id,
    userId: r.user_id,
    section: r.section,
    assessment: {
      type: 'exam',
      releaseAt: r.release_at ? new Date(r.release_at) : null,
      dueAt: r.due_at ? new Date(r.due_at) : null,
      lateDeadlines:
        typeof r.late_deadlines === 'string' ? (JSON.parse(r.late_deadlines) as Assessment['lateDeadlines']) : r.late_deadlines,
      afterLastDeadline: r.after_last_deadline,
      timeLimitMinutes: r.time_limit_minutes === null ? null : Number(r.time_limit_minutes),
    },
    instance: { startedAt: new Date(r.started_at), closedAt: r.closed_at ? new Date(r.closed_at) : null },
  }));
}

/**
 * Records scores to send and returns the job ids of those that need a post: a new (line item, student), or a score or
 * progress other than the one queued or last acknowledged; with `retryFailed`, failed ones again too. Unchanged scores
 * return nothing: only changes are sent.
 */
export async function queueLtiScores(db: Database, scores: LtiScoreToSend[], options: { retryFailed?: boolean } = {}): Promise<string[]> {
  if (scores.length === 0) return [];
  const values = sql.join(
    scores.map(
      (s) =>
        sql`(${s.lineItemId}::uuid, ${s.userId}::uuid, ${s.scoreGiven}::real, ${s.scoreMaximum}::real, ${s.activityProgress}::text, ${s.gradingProgress}::text)`,
    ),
    sql`, `,
  );
  const rows = await db.execute(sql`
    insert into lti_scores as t (line_item_id, user_id, score_given, score_maximum, activity_progress, grading_progress, status, job_id, attempts)
    select v.line_item_id, v.user_id, v.score_given, v.score_maximum, v.activity_progress, v.grading_progress, 'queued', gen_random_uuid(), 0
    from (values ${values}) as v(line_item_id, user_id, score_given, score_maximum, activity_progress, grading_progress)
    on conflict (line_item_id, user_id) do update
      set score_given = excluded.score_given, score_maximum = excluded.score_maximum, activity_progress = excluded.activity_progress,
          grading_progress = excluded.grading_progress, status = 'queued', job_id = excluded.job_id, attempts = 0,
          last_error = null, updated_at = now()
      where (t.status = 'queued' and (t.score_given, t.activity_progress, t.grading_progress)
              is distinct from (excluded.score_given, excluded.activity_progress, excluded.grading_progress))
         or (t.status = 'sent' and (t.sent_score, t.sent_progress)
              is distinct from (excluded.score_given, excluded.activity_progress || '/' || excluded.grading_progress))
         or (t.status = 'failed' and ((t.score_given, t.activity_progress, t.grading_progress)
              is distinct from (excluded.score_given, excluded.activity_progress, excluded.grading_progress) or ${options.retryFailed ?? false}))
    returning job_id`);
  return rowsOf<{ job_id: string }>(rows).map((r) => r.job_id);
}

export interface LtiScoreJob {
  score: LtiScore;
  lineItem: LtiLineItem;
  context: LtiContext;
  platform: LtiPlatform;
  userId: string;
  sub: string | null;
}

/** What a passback job needs, by its job id (undefined: superseded by a newer change, or gone). */
export async function selectLtiScoreJob(db: Database, jobId: string): Promise<LtiScoreJob | undefined> {
  const [row] = await db
    .select({ score: ltiScores, lineItem: ltiLineItems, context: ltiContexts, platform: ltiPlatforms })
    .from(ltiScores)
    .innerJoin(ltiLineItems, eq(ltiLineItems.id, ltiScores.lineItemId))
    .innerJoin(ltiContexts, eq(ltiContexts.id, ltiLineItems.contextId))
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
    .where(eq(ltiScores.jobId, jobId))
    .limit(1);
  if (!row) return undefined;
  const [identity] = await db
    .select({ sub: ltiUsers.sub })
    .from(ltiUsers)
    .where(and(eq(ltiUsers.platformId, row.platform.id), eq(ltiUsers.userId, row.score.userId)))
    .limit(1);
  return { ...row, userId: row.score.userId, sub: identity?.sub ?? null };
}

/** The outcome of one post; changes the row only while it still belongs to this job. */
export async function recordLtiScoreOutcome(
  db: Database,
  jobId: string,
  outcome: { sent: true } | { failed: string; final: boolean },
): Promise<void> {
  // Sent: what the row holds is what was posted (a newer score has a job id of its own, so this row is still that score).
  const set =
    'sent' in outcome
      ? {
          status: 'sent',
          sentScore: sql`${ltiScores.scoreGiven}`,
          sentProgress: sql`${ltiScores.activityProgress} || '/' || ${ltiScores.gradingProgress}`,
          sentAt: new Date(),
          lastError: null,
          attempts: sql`${ltiScores.attempts} + 1`,
        }
      : { status: outcome.final ? 'failed' : 'queued', lastError: outcome.failed, attempts: sql`${ltiScores.attempts} + 1` };
  await db
    .update(ltiScores)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(ltiScores.jobId, jobId));
}

export interface LtiScoreRow extends LtiScore {
  email: string;
  name: string;
  label: string;
}

/** A course's passback rows (the "send grades now" report), newest change first. */
export async function listLtiScoresOfCourse(db: Database, courseId: string): Promise<LtiScoreRow[]> {
  const rows = await db
    .select({ score: ltiScores, email: users.email, name: users.name, label: ltiLineItems.label })
    .from(ltiScores)
    .innerJoin(ltiLineItems, eq(ltiLineItems.id, ltiScores.lineItemId))
    .innerJoin(users, eq(users.id, ltiScores.userId))
    .where(eq(ltiLineItems.courseId, courseId))
    .orderBy(desc(ltiScores.updatedAt));
  return rows.map((r) => ({ ...r.score, email: r.email, name: r.name, label: r.label }));
}

// ---------------------------------------------------------------- deep linking

export async function insertLtiDeepLink(db: Database, row: typeof ltiDeepLinks.$inferInsert): Promise<LtiDeepLink> {
  await db.delete(ltiDeepLinks).where(lt(ltiDeepLinks.expiresAt, new Date()));
  const [inserted] = await db.insert(ltiDeepLinks).values(row).returning();
  return inserted!;
}

export async function selectOptionalLtiDeepLink(db: Database, id: string): Promise<LtiDeepLink | undefined> {
  const [row] = await db.select().from(ltiDeepLinks).where(eq(ltiDeepLinks.id, id)).limit(1);
  return row && row.expiresAt > new Date() ? row : undefined;
}

export async function deleteLtiDeepLink(db: Database, id: string): Promise<void> {
  await db.delete(ltiDeepLinks).where(eq(ltiDeepLinks.id, id));
}

/** The job ids of scores still waiting to be sent (enqueued again when a passback worker starts). */
export async function listQueuedLtiJobIds(db: Database): Promise<string[]> {
  const rows = await db.select({ jobId: ltiScores.jobId }).from(ltiScores).where(eq(ltiScores.status, 'queued'));
  return rows.flatMap((r) => (r.jobId ? [r.jobId] : []));
}

/** The course's members known to a platform (they launched, or a roster sync linked them), with their platform id. */
export async function listCourseMembersOnPlatform(
  db: Database,
  courseId: string,
  platformId: string,
): Promise<{ userId: string; sub: string; role: CourseRole; droppedAt: Date | null }[]> {
  return db
    .select({ userId: enrollments.userId, sub: ltiUsers.sub, role: enrollments.role, droppedAt: enrollments.droppedAt })
    .from(enrollments)
    .innerJoin(ltiUsers, and(eq(ltiUsers.userId, enrollments.userId), eq(ltiUsers.platformId, platformId)))
    .where(eq(enrollments.courseId, courseId));
}
