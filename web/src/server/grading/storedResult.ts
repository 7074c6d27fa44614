import type { ChallengeResult, GradeResult } from '@deltalab/grader';

/**
 * What a submission's `result` column holds: the grader's result as the grading adapter records it (a challenge
 * entry's without its private score and boundary grid, which are kept in their own columns).
 */
export type StoredGradeResult = Omit<GradeResult, 'challenge'> & { challenge?: Omit<ChallengeResult, 'privateScore' | 'boundary'> };

/**
 * A stored result read back. The database package types the column `unknown` (it knows nothing of the grader); the
 * grading adapter is its only writer, so this is the one place that names the type.
 */
export function storedGradeResult(stored: unknown): StoredGradeResult | null {
  return (stored ?? null) as StoredGradeResult | null;
}
