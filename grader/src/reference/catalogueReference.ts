import {
  findExercise,
  variantParams,
  type CodeExercise,
  type Exercise,
  type ResolvedCase,
  type VariantSelector,
} from '@deltalab/exercises';
import type { MistakeCandidate } from '../compare/diagnoseMistake';
import type { CodeReference, ExerciseReference } from './exerciseReference';
import { referenceCases, referenceSolution } from './solvedVariants';

/**
 * A catalogue exercise's reference: its code is the repository's own (reviewed like the grader), so it runs here, on
 * the host, as it always has. Reference cases and numeric solutions are cached per variant; mistakes run only on cases that fail.
 */
export function catalogueReference(exercise: Exercise): ExerciseReference {
  return {
    exercise,
    async numericSolution(variant) {
      return referenceSolution(exercise, variant);
    },
    async derive(variant, requests) {
      if (exercise.kind !== 'numeric') return requests.map(() => null);
      const params = variantParams(exercise, variant);
      return requests.map(({ field, upstream }) => {
        const found = exercise.fields.find((f) => f.name === field);
        const compute = found?.kind === 'expression' ? undefined : found?.derive?.compute;
        try {
          return compute ? compute(params, upstream) : null;
        } catch {
          return null; // a formula that cannot run on these values carries nothing
        }
      });
    },
    async codeReference(variant: VariantSelector): Promise<CodeReference> {
      if (exercise.kind !== 'code') throw new Error(`exercise '${exercise.slug}' is not a code exercise`);
      const cases = referenceCases(exercise, variant);
      return { cases, candidates: (index) => mistakeCandidates(exercise, cases[index]!) };
    },
  };
}

/**
 * Solves a catalogue exercise's variant ahead of its grade (GradingProcessPool.prepare): the reference cases or
 * numeric solution its grade reads, cached as the grade would cache them. Whatever fails here fails again in the
 * grade, which reports it; an exercise that is not the catalogue's (authored in the site) is left alone.
 */
export function solveCatalogueVariant(slug: string, variant: VariantSelector): void {
  const exercise = findExercise(slug);
  try {
    if (exercise?.kind === 'code') referenceCases(exercise, variant);
    else if (exercise?.kind === 'numeric') referenceSolution(exercise, variant);
  } catch {
    // the grade will say why
  }
}

/** The exercise's named mistakes evaluated on one case, on a pristine copy of its inputs. */
function mistakeCandidates(exercise: CodeExercise, testCase: ResolvedCase): MistakeCandidate[] {
  const firstEntry = exercise.entries[0]?.name;
  const candidates: MistakeCandidate[] = [];
  for (const mistake of exercise.mistakes) {
    if ((mistake.entry ?? firstEntry) !== testCase.entry) continue;
    try {
      candidates.push({ name: mistake.id, message: mistake.message, output: mistake.solve(...structuredClone(testCase.args)) });
    } catch {
      // a mistake that cannot run on this case simply does not explain it
    }
  }
  return candidates;
}
