import { integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { exerciseKind, exerciseSource } from './enums';
import { exerciseVersions } from './exerciseVersions';

export const exercises = pgTable(
  'exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    kind: exerciseKind('kind').notNull(),
    /** Order within the course notes; course_exercises.position orders a course's list. */
    position: integer('position').notNull().default(0),
    /** 'catalogue': files in exercises/content (graded by slug); 'site': authored in the site, files in its versions. */
    source: exerciseSource('source').notNull().default('catalogue'),
    /** The version new submissions are graded against (the last one registered). */
    currentVersionId: uuid('current_version_id').references((): AnyPgColumn => exerciseVersions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exercises_slug_unique').on(t.slug)],
);

export type Exercise = typeof exercises.$inferSelect;
export type NewExercise = typeof exercises.$inferInsert;
