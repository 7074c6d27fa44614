import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { courseRole } from './enums';
import { courses } from './courses';
import { users } from './users';

export const enrollments = pgTable(
  'enrollments',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    role: courseRole('role').notNull().default('student'),
    /** An instructor's test student: works like a student, kept out of every statistic and the gradebook. */
    testStudent: boolean('test_student').notNull().default(false),
    /**
     * A student who dropped the course: their submissions stay, they are left out of the dashboards and the gradebook,
     * and the course is closed to them until they are restored (null: an active member).
     */
    droppedAt: timestamp('dropped_at', { withTimezone: true }),
    /** The student's section or label (e.g. "Lab B"): a filter on the dashboards; null: none. */
    section: text('section'),
    /** When the member last submitted work in the course (the roster's "last activity"); null: never. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key makes (user, course) unique; the course index serves member lists.
  (t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('enrollments_course_idx').on(t.courseId, t.role)],
);

export type Enrollment = typeof enrollments.$inferSelect;
export type NewEnrollment = typeof enrollments.$inferInsert;
