import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exercise_versions_exercise_hash_unique').on(t.exerciseId, t.contentHash)],
);

export type ExerciseVersion = typeof exerciseVersions.$inferSelect;
export type NewExerciseVersion = typeof exerciseVersions.$inferInsert;
