import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { siteRole } from './enums';
import { courses } from './courses';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Always stored lower-cased (the check makes a forgotten toLowerCase() fail loudly). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: siteRole('role').notNull().default('student'),
    /** Null for accounts that only sign in through OAuth. */
    passwordHash: text('password_hash'),
    /** The course the user last switched to (instructors teaching several, students in several); null: the first. */
    currentCourseId: uuid('current_course_id').references(() => courses.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_email_lower_case', sql`${t.email} = lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
