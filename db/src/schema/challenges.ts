import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses';
import { exercises } from './exercises';
import { submissions } from './submissions';
import { users } from './users';

/**
 * A challenge entry: the submission (kind 'challenge', payload { model, provenance }) that goes through the grading
 * queue like any other, plus what the board needs as columns. Scores are written in the same statement that records
 * the grade (recordGradingOutcomes). `private_score` is the server's until the deadline.
 */
export const challengeEntries = pgTable(
  'challenge_entries',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    /** Parameter count of the uploaded model (smaller wins ties on the board). */
    params: integer('params').notNull(),
    uploadBytes: integer('upload_bytes').notNull(),
    /** Provenance the browser reported: the backend, epochs, seed, its own training accuracy and time. */
    backend: text('backend').notNull(),
    epochs: integer('epochs').notNull(),
    seed: bigint('seed', { mode: 'number' }).notNull(),
    browserTrainScore: real('browser_train_score'),
    trainingMs: integer('training_ms'),
    trainScore: real('train_score'),
    publicScore: real('public_score'),
    privateScore: real('private_score'),
    /** The decision boundary on the server's grid (one digit per cell), shown after the reveal. */
    boundary: text('boundary'),
    /** Marked final by the student (at most the challenge's maxFinal). */
    final: boolean('final').notNull().default(false),
    /** Verify: queued → verified | not-verified | failed; the re-training's own submission, score and message. */
    verifyStatus: text('verify_status'),
    verifySubmissionId: uuid('verify_submission_id'),
    verifyScore: real('verify_score'),
    verifyMessage: text('verify_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The board and the daily count: one student's entries in one challenge of a course, by time.
    index('challenge_entries_board_idx').on(t.courseId, t.exerciseId, t.userId, t.createdAt),
    index('challenge_entries_verify_idx')
      .on(t.verifySubmissionId)
      .where(sql`${t.verifySubmissionId} is not null`),
  ],
);

/** A course's settings for one challenge, set by its instructors; null means the exercise's default. */
export const challengeSettings = pgTable(
  'challenge_settings',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    /** When the private split is revealed and entries close (null: the course exercise's due date). */
    deadline: timestamp('deadline', { withTimezone: true }),
    entriesPerDay: integer('entries_per_day'),
    /** When the top entries were queued for Verify after the deadline (once). */
    verifyQueuedAt: timestamp('verify_queued_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.exerciseId] })],
);

/** The name a student shows on a course's boards (a pseudonym of their choice; the board never shows real names to students). */
export const challengeNames = pgTable(
  'challenge_names',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    uniqueIndex('challenge_names_course_name_unique').on(t.courseId, sql`lower(${t.name})`),
  ],
);

/** What the browser reported with an entry (kept in the submission's payload, shown to instructors). */
export type ChallengeProvenance = {
  code: string;
  backend: string;
  epochs: number;
  seed: number;
  trainingMs: number;
  trainAccuracy: number;
  curve: { epoch: number; loss: number; accuracy: number }[];
};

export type ChallengeEntry = typeof challengeEntries.$inferSelect;
export type ChallengeSettingsRow = typeof challengeSettings.$inferSelect;
