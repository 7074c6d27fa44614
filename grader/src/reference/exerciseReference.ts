import type { Exercise, ResolvedCase, VariantSelector, VariantSolution } from '@deltalab/exercises';
import type { FolderProblem } from '../authored/compileExerciseFolder';
import type { DerivationRequest } from '../authored/isolate/exerciseRuntime';
import type { MistakeCandidate } from '../compare/diagnoseMistake';

/**
 * The exercise's side of grading, as plain data: what its reference gives for a variant. Grading code (numeric
 * fields, code cases, diagnoses) reads only this and the exercise's metadata, never the exercise's functions, so the
 * same grading runs whether the exercise's code runs on the host (the catalogue: catalogueReference) or in an isolate
 * (an exercise authored in the site: AuthoredExercise).
 */
export interface ExerciseReference {
  /** The exercise's metadata (fields, tolerances, limits, entries…); an authored one's functions only throw. */
  readonly exercise: Exercise;
  /** numeric: the reference's value of every number field, and each expression field's sample points and values. */
  numericSolution(variant: VariantSelector): Promise<NumericSolution>;
  /** numeric: fields recomputed with the reference's formula from given upstream values; null where that fails. */
  derive(variant: VariantSelector, requests: DerivationRequest[]): Promise<(number | null)[]>;
  /** code: every graded case with its expected output, and the exercise's named mistakes' outputs on a case. */
  codeReference(variant: VariantSelector): Promise<CodeReference>;
}

export type NumericSolution = Extract<VariantSolution, { kind: 'numeric' }>;

export type CodeReference = {
  /** Visible then hidden cases; frozen (shared by every grade of the variant). */
  cases: readonly ResolvedCase[];
  /** The exercise's mistakes that apply to case `index`, with their outputs on it (those that throw are left out). */
  candidates(index: number): MistakeCandidate[];
};

/** The exercise's own code failed (an authored reference throws for this variant, say): not the student's doing. */
export class ExerciseCodeError extends Error {
  constructor(readonly problem: FolderProblem) {
    super(problem.message);
    this.name = 'ExerciseCodeError';
  }
}
