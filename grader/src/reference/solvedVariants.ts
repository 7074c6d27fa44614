import { solveVariant, type Exercise, type ResolvedCase, type VariantSelector } from '@deltalab/exercises';
import type { NumericSolution } from './exerciseReference';

/** Each variant's reference answers, solved once per process: a code exercise's cases, a numeric exercise's solution. */
const cache = new Map<string, ResolvedCase[] | NumericSolution>();
// Every student has a variant of their own: a class of several hundred working on one exercise at a deadline.
export const SOLVED_VARIANTS_KEPT = 2048;

/**
 * Every graded case of a variant with the reference's expected output. The reference is deterministic
 * per (exercise version, variant), so it runs once per process; each run gets pristine copies of the
 * inputs (exercises' expectedOutput clones them) and the cached cases are frozen so nothing can mutate them.
 */
export function referenceCases(exercise: Exercise, variant: VariantSelector): ResolvedCase[] {
  return solvedOnce(exercise, variant, () => {
    const solution = solveVariant(exercise, variant);
    if (solution.kind !== 'code') throw new Error(`exercise '${exercise.slug}' is not a code exercise`);
    return solution.cases;
  });
}

/**
 * A numeric variant's reference values and expression references, computed once per process like the cases above:
 * a student's later attempts at the same variant are graded without running the reference again (0.1–2.4 ms each).
 */
export function referenceSolution(exercise: Exercise, variant: VariantSelector): NumericSolution {
  return solvedOnce(exercise, variant, () => {
    const solution = solveVariant(exercise, variant);
    if (solution.kind !== 'numeric') throw new Error(`exercise '${exercise.slug}' is not numeric`);
    return solution;
  });
}

function solvedOnce<T extends ResolvedCase[] | NumericSolution>(exercise: Exercise, variant: VariantSelector, solve: () => T): T {
  const key = `${exercise.slug}@${exercise.contentHash}#${variant}`;
  const hit = cache.get(key);
  if (hit) return hit as T;
  const solved = deepFreeze(solve());
  if (cache.size >= SOLVED_VARIANTS_KEPT) cache.delete(cache.keys().next().value as string);
  cache.set(key, solved);
  return solved;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    if (!ArrayBuffer.isView(value)) {
      Object.freeze(value);
      for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
