import {
  markSubmissionFailed,
  markSubmissionRunning,
  recordSubmissionResult,
  selectCourseExerciseBySlug,
  selectOptionalSubmission,
  type Database,
  type Submission,
} from '@deltalab/db';
import { decayedScore } from '../services/submissions/submissionRules';

/** What grading one submission produced (the grader's result, reduced to what storage needs). */
export interface GradeOutcome {
  /** 0..1 before attempt decay. */
  score: number;
  passed: boolean;
  /** The grader's structured result, stored as JSON and shown to the student. */
  result: unknown;
  graderVersion: string;
  timings?: Record<string, number>;
}

/** Grades one stored submission; throws only on an internal fault (never for a wrong answer). */
export type GradeFunction = (submission: Submission) => Promise<GradeOutcome>;

export type ProcessOutcome = 'graded' | 'failed' | 'skipped';

/**
 * The storage side of a grading job: mark running, grade, record the result exactly once (with the course's
 * attempt decay applied). An internal failure marks the submission failed, which gives its attempt back.
 * A submission already finished (a duplicate job) is skipped.
 */
export async function processSubmission(
  db: Database,
  submissionId: string,
  grade: GradeFunction,
  options: { courseExerciseSlug?: string; isFinalAttempt?: boolean } = {},
): Promise<ProcessOutcome> {
  if (!(await markSubmissionRunning(db, submissionId))) return 'skipped';
  const submission = await selectOptionalSubmission(db, submissionId);
  if (!submission) return 'skipped';
  let outcome: GradeOutcome;
  try {
    outcome = await grade(submission);
  } catch (error) {
    // Queue retries go through the caller; this records the failure for the student when no retry is left.
    if (options.isFinalAttempt === false) throw error;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`grading submission ${submissionId} failed`, error);
    return (await markSubmissionFailed(db, submissionId, `Internal grading error: ${message}`)) ? 'failed' : 'skipped';
  }
  const decay = options.courseExerciseSlug
    ? ((await selectCourseExerciseBySlug(db, submission.courseId, options.courseExerciseSlug))?.pointsDecayPerAttempt ?? 0)
    : 0;
  const recorded = await recordSubmissionResult(db, submissionId, {
    score: decayedScore(outcome.score, submission.attempt, decay),
    passed: outcome.passed,
    result: outcome.result,
    graderVersion: outcome.graderVersion,
    timings: outcome.timings,
  });
  return recorded ? 'graded' : 'skipped';
}
