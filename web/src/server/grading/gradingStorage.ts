import {
  markSubmissionFailed,
  markSubmissionRunning,
  recordSubmissionResult,
  selectCourseExerciseBySlug,
  selectOptionalCourseById,
  selectOptionalSubmission,
  type Database,
} from '@deltalab/db';
import type { GradeRequest, GradingFailure, GradeResult, JobContext } from '@deltalab/grader';
import { lateScoreFactor } from '@/lib/latePolicy';
import { decayedScore } from '../services/submissions/submissionRules';
import { gradingJobFor } from './gradingJob';
import { toGradeRequest } from './toGradeRequest';

/**
 * The storage side of the grader's workers: load a stored submission as a grade request, mark it running,
 * record the result exactly once (with the course's attempt decay and late penalty), or record an internal failure (which gives
 * the attempt back). The grader package never touches the database; this is where web wires it.
 */
export function gradingStorage(db: Database) {
  return {
    async loadJob(submissionId: string): Promise<GradeRequest | null> {
      const submission = await selectOptionalSubmission(db, submissionId);
      if (!submission || submission.status === 'graded' || submission.status === 'failed') return null;
      const { exercise } = await gradingJobFor(db, submission);
      return toGradeRequest(submission, exercise);
    },
    async onStart(job: JobContext): Promise<void> {
      await markSubmissionRunning(db, job.submissionId);
    },
    async onResult(job: JobContext & { result: GradeResult }): Promise<void> {
      const submission = await selectOptionalSubmission(db, job.submissionId);
      if (!submission) return;
      const courseExercise = await selectCourseExerciseBySlug(db, submission.courseId, job.result.exercise);
      const course = await selectOptionalCourseById(db, submission.courseId);
      const decayed = decayedScore(job.result.score, submission.attempt, courseExercise?.pointsDecayPerAttempt ?? 0);
      await recordSubmissionResult(db, job.submissionId, {
        score: decayed * (course ? lateScoreFactor(submission.late, course) : 1),
        passed: job.result.passed,
        result: job.result,
        graderVersion: job.result.graderVersion,
        timings: job.result.timings,
      });
    },
    async onFailure(failure: GradingFailure): Promise<void> {
      // Retries follow unless final; only the last failure is recorded (and the attempt given back).
      if (!failure.final) return;
      console.error(`grading submission ${failure.submissionId} failed: ${failure.error.message}`);
      await markSubmissionFailed(db, failure.submissionId, failure.error.message);
    },
  };
}
