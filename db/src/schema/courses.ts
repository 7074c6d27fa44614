import { sql } from 'drizzle-orm';
import { check, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { latePolicy } from './enums';

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    joinCode: text('join_code').notNull(),
    /** IANA time zone the course's due dates are set and shown in. */
    timeZone: text('time_zone').notNull().default('UTC'),
    latePolicy: latePolicy('late_policy').notNull().default('accept'),
    /** Fraction of the score a late submission loses under the `penalize` policy (0..1). */
    latePenalty: real('late_penalty').notNull().default(0),
    /** Set by an administrator: the course stays readable to its members and takes no new work or members. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('courses_slug_unique').on(t.slug),
    uniqueIndex('courses_join_code_unique').on(t.joinCode),
    check('courses_late_penalty_range', sql`${t.latePenalty} >= 0 and ${t.latePenalty} <= 1`),
  ],
);

export type Course = typeof courses.$inferSelect;
export type NewCourse = typeof courses.$inferInsert;
