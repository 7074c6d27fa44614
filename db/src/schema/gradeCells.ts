import { boolean, integer, pgTable, primaryKey, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses';
import { exercises } from './exercises';
import { users } from './users';

/**
 * One (course, student, exercise) cell of the instructors' dashboards, kept with the grades: the statement that
 * records a batch of grades folds them in (grading.ts), a regrade's apply recomputes its exercise's cells. The
 * overview, the gradebook and discrimination then read a few thousand cells instead of aggregating every submission
 * of the course (180,000 for 300 students × 30 exercises × 20 submissions).
 */
export const gradeCells = pgTable(
  'grade_cells',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    /** Best graded score (0..1). */
    bestScore: real('best_score'),
    /** The highest attempt number graded (attempts used, as far as grades go). */
    attempts: integer('attempts').notNull().default(0),
    solved: boolean('solved').notNull().default(false),
    late: boolean('late').notNull().default(false),
    firstSolvedAt: timestamp('first_solved_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId, t.exerciseId] })],
);

export type GradeCell = typeof gradeCells.$inferSelect;
