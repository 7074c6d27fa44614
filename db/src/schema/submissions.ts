import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { exerciseKind, submissionStatus } from './enums';
import { courses } from './courses';
import { exercises } from './exercises';
import { exerciseVersions } from './exerciseVersions';
import { users } from './users';
import type { ChallengeProvenance } from './challenges';

/**
 * What the student sent: code for code exercises, field answers for numeric/choice, a model for challenges. A numeric
 * answer is the text typed, or a JSON number from an API client (kept as a number: it has no written figures).
 */
export type SubmissionPayload =
  | { code: string }
  | { answers: Record<string, string | number | string[]> }
  | { model: unknown; provenance: ChallengeProvenance }
  /** Verify: re-train a challenge entry's code (its own grading job, never an attempt or an entry). */
  | { retrain: { code: string; seed: number; epochs: number; engine?: 'compiled' | 'tfjs' }; verifyOf: string };

/** One applied regrade as the submission keeps it: when, by whom, the score before and after. */
export interface SubmissionRegradeEntry {
  regradeId: string;
  appliedAt: string;
  appliedBy: string;
  fromScore: number | null;
  toScore: number | null;
  /** Why, in one line (the cases or fields that changed). */
  reason: string;
}

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    exerciseVersionId: uuid('exercise_version_id')
      .notNull()
      .references(() => exerciseVersions.id),
    kind: exerciseKind('kind').notNull(),
    payload: jsonb('payload').$type<SubmissionPayload>().notNull(),
    /** 'canonical' or the decimal seed of this student's variant. */
    variantSeed: text('variant_seed').notNull().default('canonical'),
    status: submissionStatus('status').notNull().default('queued'),
    /** 0..1 once graded, after any attempt decay; null until then. */
    score: real('score'),
    /** The grader's verdict once graded (a passing attempt can score < 1 after attempt decay). */
    passed: boolean('passed'),
    /** The grader's structured result (per case/field entries, diagnosis); owned by the grader protocol. */
    result: jsonb('result').$type<unknown>(),
    /** Why grading could not finish (internal failure); such a submission does not count as an attempt. */
    failureMessage: text('failure_message'),
    late: boolean('late').notNull().default(false),
    /**
     * The credit its assessment's timeline gave it when it was made (0..1), multiplied into its score; null: none
     * decided (the course's late policy applies, as before assessments).
     */
    credit: real('credit'),
    /** 1-based number among this student's counting submissions for the exercise in the course. */
    attempt: integer('attempt').notNull(),
    countsAsAttempt: boolean('counts_as_attempt').notNull().default(true),
    /**
     * Grading child processes this submission's code took down (kept here so a restart cannot start the count over:
     * the grader runs it at most twice, then scores it 0).
     */
    childDeaths: integer('child_deaths').notNull().default(0),
    graderVersion: text('grader_version'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    gradedAt: timestamp('graded_at', { withTimezone: true }),
    timings: jsonb('timings').$type<Record<string, number>>(),
    /** Regrades applied to this submission, oldest first (what the student's history shows). */
    regrades: jsonb('regrades').$type<SubmissionRegradeEntry[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Index column orders match the queries' ORDER BY exactly (drizzle's .desc() is DESC NULLS LAST; the
  // queries spell `desc nulls last` too), otherwise Postgres sorts instead of walking the index.
  (t) => [
    // History: a student's submissions for an exercise, newest first.
    index('submissions_user_exercise_created_idx').on(t.userId, t.exerciseId, t.createdAt.desc()),
    // Leaderboard: best graded score per user for (course, exercise), earliest first among equal scores.
    index('submissions_leaderboard_idx')
      .on(t.courseId, t.exerciseId, t.userId, t.score.desc(), t.gradedAt)
      .where(sql`${t.status} = 'graded'`),
    // Course home / dashboard: one student's submissions in a course, grouped by exercise.
    index('submissions_user_course_exercise_idx').on(t.userId, t.courseId, t.exerciseId),
    // Re-enqueue after a crash: only unfinished rows, oldest first.
    index('submissions_unfinished_idx')
      .on(t.queuedAt)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export type Submission = typeof submissions.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;
