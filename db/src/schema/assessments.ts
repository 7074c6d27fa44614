import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessmentType } from './enums';
import { courses } from './courses';
import { exercises } from './exercises';
import { users } from './users';

/** A late deadline of an assessment's credit timeline: submissions until `until` earn `credit` (0..1) of their score. */
export interface LateDeadline {
  /** ISO date-time. */
  until: string;
  credit: number;
}

/**
 * An assessment of a course (PrairieLearn's): a homework set or a timed exam, an ordered list of slots, a release and a
 * due date, optional late deadlines with their credit, and for exams a time limit, an optional password and an honor
 * code. With no late deadlines, a homework follows the course's late policy after its due date (as exercises did
 * before assessments); an exam closes at it.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    type: assessmentType('type').notNull().default('homework'),
    position: integer('position').notNull().default(0),
    /** Students see it from then on (null: at once). */
    releaseAt: timestamp('release_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** After the due date: credit until each deadline, in rising order. */
    lateDeadlines: jsonb('late_deadlines').$type<LateDeadline[]>().notNull().default([]),
    /** After the last late deadline (when there is one): 'view-only' refuses submissions, 'zero' grades them for 0 credit. */
    afterLastDeadline: text('after_last_deadline').$type<'view-only' | 'zero'>().notNull().default('view-only'),
    /** Exams: minutes from the start of a student's instance (null: until the due date). */
    timeLimitMinutes: integer('time_limit_minutes'),
    /** Exams: scrypt hash of the password a student gives to start (null: none). */
    passwordHash: text('password_hash'),
    /** Exams: a student ticks the honor code to start. */
    honorCode: boolean('honor_code').notNull().default(false),
    /** Exams: scores are hidden from students until then (null: not released yet). Homework ignores it. */
    scoresReleasedAt: timestamp('scores_released_at', { withTimezone: true }),
    published: boolean('published').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessments_course_slug_unique').on(t.courseId, t.slug),
    index('assessments_course_position_idx').on(t.courseId, t.position),
    check('assessments_time_limit_positive', sql`${t.timeLimitMinutes} is null or ${t.timeLimitMinutes} > 0`),
    check('assessments_after_last_deadline', sql`${t.afterLastDeadline} in ('view-only', 'zero')`),
  ],
);

/**
 * One place in an assessment: one exercise, or a pool (choose `choose` of its exercises, drawn per student). The
 * points per question drawn and the points per attempt (`[10, 7, 5]`) are the slot's; attempts, decay and visibility
 * are its exercises' course rules (course_exercises), which the assessment editor sets for the whole slot.
 */
export const assessmentSlots = pgTable(
  'assessment_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** How many of the slot's exercises each student gets (1 for a single exercise). */
    choose: integer('choose').notNull().default(1),
    /** Points per question drawn; null: the exercise's own (course_exercises.points, else the definition's). */
    points: real('points'),
    /** Points for a correct answer at attempt 1, 2, …: PrairieLearn's `points: [10, 7, 5]` (null: the decay rule). */
    pointsPerAttempt: jsonb('points_per_attempt').$type<number[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessment_slots_assessment_idx').on(t.assessmentId, t.position),
    check('assessment_slots_choose_positive', sql`${t.choose} >= 1`),
  ],
);

/**
 * A slot's exercises. An exercise is in at most one slot of a course (no overlapping pools). In a pool, exercises with
 * the same group number are drawn together (PrairieLearn #11754: `choose` then counts groups); null: drawn alone.
 */
export const assessmentSlotExercises = pgTable(
  'assessment_slot_exercises',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => assessmentSlots.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    groupNumber: integer('group_number'),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.exerciseId] }),
    uniqueIndex('assessment_slot_exercises_course_exercise_unique').on(t.courseId, t.exerciseId),
    check('assessment_slot_exercises_group_positive', sql`${t.groupNumber} is null or ${t.groupNumber} >= 1`),
  ],
);

/** A student's draw from a pool slot: the seed it was drawn with and the exercises it gave, the same on every visit. */
export const assessmentDraws = pgTable(
  'assessment_draws',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => assessmentSlots.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seed: text('seed').notNull(),
    exerciseIds: jsonb('exercise_ids').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.userId] })],
);

/** A student's instance of an exam: when it started and when (and why) it was closed early. One per student. */
export const assessmentInstances = pgTable(
  'assessment_instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Finished by the student (the time limit and the deadline close it by the clock, without a write). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason').$type<'finished'>(),
  },
  (t) => [uniqueIndex('assessment_instances_assessment_user_unique').on(t.assessmentId, t.userId)],
);

/**
 * A per-student or per-section exception: a later due date, extra minutes, or a time factor (accommodations), with the
 * reason and who made it. A student's own override beats their section's.
 */
export const assessmentOverrides = pgTable(
  'assessment_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    section: text('section'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    extraMinutes: integer('extra_minutes'),
    timeFactor: real('time_factor'),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_overrides_user_unique')
      .on(t.assessmentId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('assessment_overrides_section_unique')
      .on(t.assessmentId, t.section)
      .where(sql`${t.section} is not null`),
    check('assessment_overrides_one_target', sql`(${t.userId} is null) <> (${t.section} is null)`),
    check('assessment_overrides_extra_minutes', sql`${t.extraMinutes} is null or ${t.extraMinutes} >= 0`),
    check('assessment_overrides_time_factor', sql`${t.timeFactor} is null or ${t.timeFactor} >= 1`),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentSlot = typeof assessmentSlots.$inferSelect;
export type AssessmentInstance = typeof assessmentInstances.$inferSelect;
export type AssessmentOverride = typeof assessmentOverrides.$inferSelect;
