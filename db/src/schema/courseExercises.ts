import { boolean, index, integer, pgTable, primaryKey, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { visibilityTiming } from './enums';
import { courses } from './courses';
import { exercises } from './exercises';

/** Which exercises a course uses, in which order, with its deadline and attempt rules. */
export const courseExercises = pgTable(
  'course_exercises',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Null: unlimited attempts. */
    maxAttempts: integer('max_attempts'),
    /** Fraction of the points lost per attempt after the first (0 = no decay). */
    pointsDecayPerAttempt: real('points_decay_per_attempt').notNull().default(0),
    published: boolean('published').notNull().default(true),
    /** The course's points for the exercise; null: the exercise's own `points`. */
    points: real('points'),
    /** When students see their score, the per-field or per-case feedback, and the correct answers. */
    showScore: visibilityTiming('show_score').notNull().default('immediately'),
    showFeedback: visibilityTiming('show_feedback').notNull().default('immediately'),
    showAnswers: visibilityTiming('show_answers').notNull().default('immediately'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.exerciseId] }), index('course_exercises_course_position_idx').on(t.courseId, t.position)],
);

export type CourseExercise = typeof courseExercises.$inferSelect;
export type NewCourseExercise = typeof courseExercises.$inferInsert;
