import { pgEnum } from 'drizzle-orm/pg-core';

/** Site-wide role; course roles live on enrollments. */
export const siteRole = pgEnum('site_role', ['student', 'instructor', 'admin']);
export const courseRole = pgEnum('course_role', ['student', 'instructor']);
export const exerciseKind = pgEnum('exercise_kind', ['numeric', 'code', 'choice', 'challenge']);
export const submissionStatus = pgEnum('submission_status', ['queued', 'running', 'graded', 'failed']);
/** What a course does with a submission after the due date: grade it as usual, grade it with a penalty, or refuse it. */
export const latePolicy = pgEnum('late_policy', ['accept', 'penalize', 'refuse']);

/** When students see their score, the feedback, or the correct answers of an exercise. */
export const visibilityTiming = pgEnum('visibility_timing', ['immediately', 'after-due', 'never']);
/** Where an exercise's files live: the repository's exercises/content, or the database (authored in the site). */
export const exerciseSource = pgEnum('exercise_source', ['catalogue', 'site']);
/** A regrade: its submissions being graded, all graded and waiting to be applied or discarded, applied, discarded. */
export const regradeStatus = pgEnum('regrade_status', ['grading', 'ready', 'applied', 'discarded']);

export type SiteRole = (typeof siteRole.enumValues)[number];
export type CourseRole = (typeof courseRole.enumValues)[number];
export type ExerciseKind = (typeof exerciseKind.enumValues)[number];
export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];
export type LatePolicy = (typeof latePolicy.enumValues)[number];
export type VisibilityTiming = (typeof visibilityTiming.enumValues)[number];
export type ExerciseSource = (typeof exerciseSource.enumValues)[number];
export type RegradeStatus = (typeof regradeStatus.enumValues)[number];
