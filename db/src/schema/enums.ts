import { pgEnum } from 'drizzle-orm/pg-core';

/** Site-wide role; course roles live on enrollments. */
export const siteRole = pgEnum('site_role', ['student', 'instructor', 'admin']);
export const courseRole = pgEnum('course_role', ['student', 'instructor']);
export const exerciseKind = pgEnum('exercise_kind', ['numeric', 'code', 'choice', 'challenge']);
export const submissionStatus = pgEnum('submission_status', ['queued', 'running', 'graded', 'failed']);

export type SiteRole = (typeof siteRole.enumValues)[number];
export type CourseRole = (typeof courseRole.enumValues)[number];
export type ExerciseKind = (typeof exerciseKind.enumValues)[number];
export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];
