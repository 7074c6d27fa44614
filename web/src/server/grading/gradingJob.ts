import { selectExerciseVersion, type Database, type Submission } from '@deltalab/db';

/** What the queue carries: the stored submission's id and its exercise's slug. */
export interface GradingJob {
  submissionId: string;
  exercise: string;
}

/** The job for a stored submission (the slug comes from the version it was submitted against). */
export async function gradingJobFor(db: Database, submission: Submission): Promise<GradingJob> {
  const version = await selectExerciseVersion(db, submission.exerciseVersionId);
  const slug = (version.definition as { slug?: unknown }).slug;
  if (typeof slug !== 'string') throw new Error(`exercise version ${version.id} has no slug`);
  return { submissionId: submission.id, exercise: slug };
}
