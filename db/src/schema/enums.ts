import { pgEnum } from 'drizzle-orm/pg-core';

/** Site-wide role; course roles live on enrollments. */
export const siteRole = pgEnum('site_role', ['student', 'instructor', 'admin']);
export const courseRole = pgEnum('course_role', ['student', 'instructor']);
export const exerciseKind = pgEnum('exercise_kind', ['numeric', 'code', 'choice', 'challenge']);
export const submissionStatus = pgEnum('submission_status', ['queued', 'running', 'graded', 'failed']);
/** What a course does with a submission after the due date: grade it as usual, grade it with a penalty, or refuse it. */
export const latePolicy = pgEnum('late_policy', ['accept', 'penalize', 'refuse']);

export type SiteRole = (typeof siteRole.enumValues)[number];
export type CourseRole = (typeof courseRole.enumValues)[number];
export type ExerciseKind = (typeof exerciseKind.enumValues)[number];
export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];
export type LatePolicy = (typeof latePolicy.enumValues)[number];
