import type { Submission } from '@deltalab/db';
import type { GradeOutcome } from './processSubmission';

/** Grades a stored submission with @deltalab/grader (wired when the grader's API lands). */
export async function gradeWithGrader(submission: Submission, exerciseSlug: string): Promise<GradeOutcome> {
  throw new Error(`the grader is not available yet (submission ${submission.id}, exercise ${exerciseSlug})`);
}
