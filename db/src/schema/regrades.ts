import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regradeStatus, submissionStatus } from './enums';
import { courses } from './courses';
import { exercises } from './exercises';
import { exerciseVersions } from './exerciseVersions';
import { submissions } from './submissions';
import { users } from './users';

/** Which submissions a regrade takes: all of an exercise in the course, those of one version, or one student's. */
export type RegradeScope = { kind: 'exercise' } | { kind: 'version'; versionId: string } | { kind: 'student'; userId: string };

/**
 * A regrade of an exercise's submissions against its current version. Its new grades are kept in regrade_items,
 * beside the submissions (which do not change), until an instructor applies it; every regrade is kept.
 */
export const regrades = pgTable(
  'regrades',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    /** The version the submissions are graded against (the exercise's current one when the regrade was made). */
    versionId: uuid('version_id')
      .notNull()
      .references(() => exerciseVersions.id),
    scope: jsonb('scope').$type<RegradeScope>().notNull(),
    status: regradeStatus('status').notNull().default('grading'),
    items: integer('items').notNull().default(0),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedBy: uuid('applied_by').references(() => users.id, { onDelete: 'set null' }),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    neverLower: boolean('never_lower'),
  },
  (t) => [index('regrades_course_created_idx').on(t.courseId, t.createdAt)],
);

/**
 * One submission in a regrade: its grade before (copied when the regrade was made) and the new grade once the grader
 * ran it through the normal queue (the pg-boss job id is this row's id). The submission itself changes only when the
 * regrade is applied.
 */
export const regradeItems = pgTable(
  'regrade_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regradeId: uuid('regrade_id')
      .notNull()
      .references(() => regrades.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    status: submissionStatus('status').notNull().default('queued'),
    oldScore: real('old_score'),
    oldPassed: boolean('old_passed'),
    oldResult: jsonb('old_result').$type<unknown>(),
    /** After the course's attempt decay and late penalty, like any grade. */
    newScore: real('new_score'),
    newPassed: boolean('new_passed'),
    newResult: jsonb('new_result').$type<unknown>(),
    failureMessage: text('failure_message'),
    childDeaths: integer('child_deaths').notNull().default(0),
    /** The score actually applied (never lower keeps the old one). */
    appliedScore: real('applied_score'),
    gradedAt: timestamp('graded_at', { withTimezone: true }),
  },
  (t) => [index('regrade_items_regrade_idx').on(t.regradeId)],
);

export type Regrade = typeof regrades.$inferSelect;
export type RegradeItem = typeof regradeItems.$inferSelect;
