import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { exercises } from './exercises';

/** An immutable snapshot of an exercise definition; submissions point at the one they were graded against. */
export const exerciseVersions = pgTable(
  'exercise_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    /**
     * A site-authored exercise's folder (file name → text: statement.md, definition.ts, reference.ts…), exactly what
     * an exercises/content/<topic>/<slug>/ folder holds; null for catalogue exercises (their files are on disk).
     */
    files: jsonb('files').$type<Record<string, string>>(),
    /** 1, 2, 3… per exercise, in the order versions were made. */
    number: integer('number').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exercise_versions_exercise_hash_unique').on(t.exerciseId, t.contentHash)],
);

export type ExerciseVersion = typeof exerciseVersions.$inferSelect;
export type NewExerciseVersion = typeof exerciseVersions.$inferInsert;
