import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses';
import { users } from './users';

/**
 * LTI 1.3 (issue 20): the tool's registrations with LMS platforms, its own signing keys, launch state, the LMS
 * contexts (courses) and their links to Deltalab courses, the platform identities of users, and the AGS line items
 * and the scores sent to them. All in this one file (and one migration) so it stays apart from the rest of the schema.
 */

/** An LMS registered by an administrator: one row per (issuer, client id), with the deployment ids it may launch from. */
export const ltiPlatforms = pgTable(
  'lti_platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What administrators call it ("Canvas at Example U"); defaults to the issuer's host. */
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** The deployment ids of this registration that may launch (LTI `deployment_id` claim). */
    deploymentIds: text('deployment_ids').array().notNull(),
    authUrl: text('auth_url').notNull(),
    tokenUrl: text('token_url').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lti_platforms_issuer_client_unique').on(t.issuer, t.clientId)],
);

/** The tool's own RSA key pairs: the newest active one signs; every key not yet retired is served at /api/lti/jwks. */
export const ltiKeys = pgTable('lti_keys', {
  kid: text('kid').primaryKey(),
  /** The private key as a JWK (kept in the database, like the session secret is kept in the data directory). */
  privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Rotated out: no longer signs; still served until `retiredAt` + a day, for tokens signed just before. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** An OIDC login in flight: the state sent to the platform and the nonce the id_token must carry. Used once. */
export const ltiLoginStates = pgTable('lti_login_states', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  platformId: uuid('platform_id')
    .notNull()
    .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
  /** The login's target_link_uri: the launch's target_link_uri claim must be it (or on this tool's origin). */
  targetLinkUri: text('target_link_uri'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Every nonce an accepted id_token carried: a second id_token with the same nonce is refused. */
export const ltiNonces = pgTable(
  'lti_nonces',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.nonce] })],
);

/** A user's identity on a platform (the id_token's `sub`): found by it at every launch after the first. */
export const ltiUsers = pgTable(
  'lti_users',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    sub: text('sub').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.sub] }), index('lti_users_user_idx').on(t.userId)],
);

/**
 * An LMS course (the LTI `context`) as launches and the NRPS/AGS claims describe it, and the Deltalab course it is
 * linked to (null until an instructor links it).
 */
export const ltiContexts = pgTable(
  'lti_contexts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    deploymentId: text('deployment_id').notNull(),
    contextId: text('context_id').notNull(),
    title: text('title').notNull(),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    /** NRPS `context_memberships_url`, AGS `lineitems` URL and scopes, from the latest launch. */
    membershipsUrl: text('memberships_url'),
    lineItemsUrl: text('line_items_url'),
    agsScopes: text('ags_scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    rosterSyncedAt: timestamp('roster_synced_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lti_contexts_platform_context_unique').on(t.platformId, t.deploymentId, t.contextId),
    index('lti_contexts_course_idx').on(t.courseId),
  ],
);

/**
 * A line item (a gradebook column) of an LMS context, for one graded resource of the linked course. The resource is a
 * kind and an id: `exercise` (a course exercise: exercises.id) or `assessment` (assessments.id: one score per assessment).
 */
export const ltiLineItems = pgTable(
  'lti_line_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contextId: uuid('context_id')
      .notNull()
      .references(() => ltiContexts.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    resourceKind: text('resource_kind').notNull(),
    resourceId: uuid('resource_id').notNull(),
    /** The line item's URL on the platform (scores go to `<url>/scores`). */
    url: text('url').notNull(),
    scoreMaximum: real('score_maximum').notNull(),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lti_line_items_resource_unique').on(t.contextId, t.resourceKind, t.resourceId),
    index('lti_line_items_course_idx').on(t.courseId, t.resourceKind, t.resourceId),
    check('lti_line_items_resource_kind', sql`${t.resourceKind} in ('exercise', 'assessment')`),
  ],
);

/**
 * Grade passback, one row per (line item, student): the score to send, the score the platform last acknowledged, and
 * how the last try went. A change queues a job (`jobId`, on the durable queue); only a score that differs from the
 * sent one is queued.
 */
export const ltiScores = pgTable(
  'lti_scores',
  {
    lineItemId: uuid('line_item_id')
      .notNull()
      .references(() => ltiLineItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null: no score to show yet (an exam's scores before they are released, an exam started with nothing graded). */
    scoreGiven: real('score_given'),
    scoreMaximum: real('score_maximum').notNull(),
    /** AGS `activityProgress` (Initialized, Started, InProgress, Submitted, Completed) and `gradingProgress` (FullyGraded, Pending, NotReady). */
    activityProgress: text('activity_progress').notNull().default('Submitted'),
    gradingProgress: text('grading_progress').notNull().default('FullyGraded'),
    /** What the platform last acknowledged (null: never sent, or sent without a score). */
    sentScore: real('sent_score'),
    /** The `activityProgress/gradingProgress` the platform last acknowledged (a change of either is sent too). */
    sentProgress: text('sent_progress'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** `queued`, `sent` or `failed` (retries used up, or a refusal that a retry cannot change). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    jobId: uuid('job_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.lineItemId, t.userId] }),
    uniqueIndex('lti_scores_job_unique').on(t.jobId),
    check('lti_scores_status', sql`${t.status} in ('queued', 'sent', 'failed')`),
  ],
);

/** A deep-linking request waiting for the instructor's choice: where to send the answer, and the platform's `data`. */
export const ltiDeepLinks = pgTable('lti_deep_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  contextId: uuid('context_id')
    .notNull()
    .references(() => ltiContexts.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  returnUrl: text('return_url').notNull(),
  data: text('data'),
  acceptMultiple: integer('accept_multiple').notNull().default(1),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export type LtiPlatform = typeof ltiPlatforms.$inferSelect;
export type LtiKey = typeof ltiKeys.$inferSelect;
export type LtiContext = typeof ltiContexts.$inferSelect;
export type LtiLineItem = typeof ltiLineItems.$inferSelect;
export type LtiScore = typeof ltiScores.$inferSelect;
export type LtiDeepLink = typeof ltiDeepLinks.$inferSelect;
