import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Always stored lower-cased (the check makes a forgotten toLowerCase() fail loudly). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** A site administrator: manages users and courses (`npm run admin -- create-admin`). */
    isAdmin: boolean('is_admin').notNull().default(false),
    /** An administrator allowed this account to create courses (administrators always may). */
    canCreateCourses: boolean('can_create_courses').notNull().default(false),
    /** Set by an administrator: the account cannot sign in, and its sessions end. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /**
     * Carried in every session token: a password change, a deactivation or "sign out everywhere" raises it, and every
     * token holding an older number stops working at its next request.
     */
    sessionVersion: integer('session_version').notNull().default(0),
    /** Null for accounts that only sign in through OAuth (or have not set a password yet). */
    passwordHash: text('password_hash'),
    /** The course the user last switched to (instructors teaching several, students in several); null: the first. */
    currentCourseId: uuid('current_course_id').references(() => courses.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_email_lower_case', sql`${t.email} = lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
