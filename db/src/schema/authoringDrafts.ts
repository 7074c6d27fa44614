import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses';
import { users } from './users';

/**
 * An exercise being written in the site, before (or between) publications: the folder's files as the instructor last
 * saved them, and the last validation of exactly those files. Publishing a draft whose files validated makes a new
 * exercise version; the draft stays for the next edit.
 */
export const authoringDrafts = pgTable(
  'authoring_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    /** File name → text, as in exercises/content/<topic>/<slug>/. */
    files: jsonb('files').$type<Record<string, string>>().notNull(),
    /** The form the definition.ts was generated from (fields, tolerances, signature…), to edit it again. */
    form: jsonb('form').$type<unknown>().notNull(),
    /** Hash of the files the last validation ran on, and its report (the grader's). */
    validatedHash: text('validated_hash'),
    validation: jsonb('validation').$type<unknown>(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('authoring_drafts_course_slug_unique').on(t.courseId, t.slug)],
);

export type AuthoringDraft = typeof authoringDrafts.$inferSelect;
export type NewAuthoringDraft = typeof authoringDrafts.$inferInsert;
