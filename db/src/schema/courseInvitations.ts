import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courseRole } from './enums';
import { courses } from './courses';
import { users } from './users';

/**
 * A pending enrollment: someone added to a course (staff page, roster import) by an email that has no account yet. It
 * becomes an enrollment when that person signs up or signs in with OAuth under that email; a staff role also needs the
 * invitation's link (proof that they read that mailbox), since sign-up does not check the address.
 */
export const courseInvitations = pgTable(
  'course_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** Lower-cased, like users.email. */
    email: text('email').notNull(),
    /** The name the roster gave (the account's own name wins once it exists). */
    name: text('name'),
    role: courseRole('role').notNull(),
    section: text('section'),
    /** SHA-256 of the link's secret: the link itself is only ever sent or shown once. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('course_invitations_course_email_unique').on(t.courseId, t.email),
    uniqueIndex('course_invitations_token_unique').on(t.tokenHash),
    check('course_invitations_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
);

export type CourseInvitation = typeof courseInvitations.$inferSelect;
