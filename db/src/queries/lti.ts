import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../database';
import {
  enrollments,
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

/** Records the line item of a resource in a context (a newer URL for the same resource replaces the old one). */
export async function upsertLtiLineItem(db: Database, input: LtiLineItemInput): Promise<LtiLineItem> {
  const [row] = await db
    .insert(ltiLineItems)
    .values(input)
    .onConflictDoUpdate({
      target: [ltiLineItems.contextId, ltiLineItems.resourceKind, ltiLineItems.resourceId],
      set: { url: input.url, scoreMaximum: input.scoreMaximum, label: input.label },
    })
    .returning();
  return row!;
}

export async function listLtiLineItemsOfContext(db: Database, contextId: string): Promise<LtiLineItem[]> {
  return db.select().from(ltiLineItems).where(eq(ltiLineItems.contextId, contextId)).orderBy(asc(ltiLineItems.createdAt));
}

// ---------------------------------------------------------------- scores

/** A score to be sent: a line item, a student, the points earned (best graded score × the line item's maximum). */
export interface LtiScoreToSend {
  lineItemId: string;
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
}

/**
 * The scores of exercise line items as the grades stand: for the courses and users of `submissionIds` (just graded),
 * or for a whole context. Only members in `roles` (the students: staff are never sent) who are not dropped and not a
 * test student; a student without a grade yet is left out.
 */
export async function ltiExerciseScores(
  db: Database,
  scope: { submissionIds: string[] } | { contextId: string },
  roles: readonly CourseRole[],
): Promise<LtiScoreToSend[]> {
  if ('submissionIds' in scope && scope.submissionIds.length === 0) return [];
  const where =
    'submissionIds' in scope
      ? sql`(li.course_id, li.resource_id, gc.user_id) in (
          select s.course_id, s.exercise_id, s.user_id from submissions s
          where s.id in (${sql.join(
            scope.submissionIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}))`
      : sql`li.context_id = ${scope.contextId}`;
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
  return rowsOf<{ line_item_id: string; user_id: string; score_given: number; score_maximum: number }>(rows).map((r) => ({
    lineItemId: r.line_item_id,
    userId: r.user_id,
    scoreGiven: Math.round(Number(r.score_given) * 1e6) / 1e6,
    scoreMaximum: Number(r.score_maximum),
  }));
}

/**
 * Records scores to send and returns the job ids of those that need a post: a new (line item, student), or a score
 * other than the one queued or last acknowledged; with `retryFailed`, failed ones again too. Unchanged scores return
 * nothing: only changes are sent.
 */
export async function queueLtiScores(db: Database, scores: LtiScoreToSend[], options: { retryFailed?: boolean } = {}): Promise<string[]> {
  if (scores.length === 0) return [];
  const values = sql.join(
    scores.map((s) => sql`(${s.lineItemId}::uuid, ${s.userId}::uuid, ${s.scoreGiven}::real, ${s.scoreMaximum}::real)`),
    sql`, `,
  );
  const rows = await db.execute(sql`
    insert into lti_scores as t (line_item_id, user_id, score_given, score_maximum, status, job_id, attempts)
    select v.line_item_id, v.user_id, v.score_given, v.score_maximum, 'queued', gen_random_uuid(), 0
    from (values ${values}) as v(line_item_id, user_id, score_given, score_maximum)
    on conflict (line_item_id, user_id) do update
      set score_given = excluded.score_given, score_maximum = excluded.score_maximum, status = 'queued',
          job_id = excluded.job_id, attempts = 0, last_error = null, updated_at = now()
      where (t.status = 'queued' and t.score_given is distinct from excluded.score_given)
         or (t.status = 'sent' and t.sent_score is distinct from excluded.score_given)
         or (t.status = 'failed' and (t.score_given is distinct from excluded.score_given or ${options.retryFailed ?? false}))
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
  outcome: { sent: number } | { failed: string; final: boolean },
): Promise<void> {
  const set =
    'sent' in outcome
      ? { status: 'sent', sentScore: outcome.sent, sentAt: new Date(), lastError: null, attempts: sql`${ltiScores.attempts} + 1` }
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
