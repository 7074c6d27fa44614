import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * A member's role in a course, in rising order of rights (what each may do: web's permission module). Site-wide rights
 * (administrator, may create courses) are flags on the user.
 */
export const courseRole = pgEnum('course_role', ['student', 'teaching-assistant', 'instructor']);
export const exerciseKind = pgEnum('exercise_kind', ['numeric', 'code', 'choice', 'challenge']);
export const submissionStatus = pgEnum('submission_status', ['queued', 'running', 'graded', 'failed']);
/** What a course does with a submission after the due date: grade it as usual, grade it with a penalty, or refuse it. */
export const latePolicy = pgEnum('late_policy', ['accept', 'penalize', 'refuse']);

/** When students see their score, the feedback, or the correct answers of an exercise. */
export const visibilityTiming = pgEnum('visibility_timing', ['immediately', 'after-due', 'never']);
/** Where an exercise's files live: the repository's exercises/content, or the database (authored in the site). */
export const exerciseSource = pgEnum('exercise_source', ['catalogue', 'site']);
/** What a one-time password link is for: an account's first password (create-admin), or a reset. */
export const passwordLinkPurpose = pgEnum('password_link_purpose', ['set-password', 'reset']);
/** A regrade: its submissions being graded, all graded and waiting to be applied or discarded, applied, discarded. */
export const regradeStatus = pgEnum('regrade_status', ['grading', 'ready', 'applied', 'discarded']);

/** An assessment: a homework set (works as exercises always did) or an exam (a timed instance per student). */
export const assessmentType = pgEnum('assessment_type', ['homework', 'exam']);

export type CourseRole = (typeof courseRole.enumValues)[number];
export type ExerciseKind = (typeof exerciseKind.enumValues)[number];
export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];
export type LatePolicy = (typeof latePolicy.enumValues)[number];
export type VisibilityTiming = (typeof visibilityTiming.enumValues)[number];
export type ExerciseSource = (typeof exerciseSource.enumValues)[number];
export type PasswordLinkPurpose = (typeof passwordLinkPurpose.enumValues)[number];
export type RegradeStatus = (typeof regradeStatus.enumValues)[number];
export type AssessmentType = (typeof assessmentType.enumValues)[number];
