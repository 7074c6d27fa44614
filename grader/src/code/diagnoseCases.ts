import type { ResolvedCase } from '@deltalab/exercises';
import { diagnoseMistake, type MistakeCandidate } from '../compare/diagnoseMistake';
import type { Tolerance } from '@deltalab/exercises/rules';
import type { Diagnosis } from '../protocol';

/** Lengths of the top-level array arguments: natural values of n for a "divided by n" mistake. */
function naturalCounts(args: readonly unknown[]): number[] {
  return args.filter(Array.isArray).map((a) => a.length);
}

/** The mistake a wrong output on one case shows: one of the exercise's named mistakes (`candidates`), else a generic one. */
export function diagnoseCase(
  candidates: MistakeCandidate[],
  testCase: ResolvedCase,
  actual: unknown,
  tolerance: Tolerance,
): Diagnosis | undefined {
  return (
    diagnoseMistake(actual, testCase.expected, {
      tolerance,
      candidates,
      ns: naturalCounts(testCase.args),
    }) ?? undefined
  );
}

/**
 * One explanation for the whole submission: the mistake that fits the most failing cases, reported when
 * it fits at least half of them (one odd case should not hide a systematic mistake).
 */
export function summarizeDiagnoses(perCase: Array<Diagnosis | undefined>, failing: number): Diagnosis | undefined {
  const counts = new Map<string, { diagnosis: Diagnosis; fits: number }>();
  for (const d of perCase) {
    if (!d) continue;
    const entry = counts.get(d.mistake) ?? { diagnosis: d, fits: 0 };
    entry.fits++;
    counts.set(d.mistake, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.fits - a.fits)[0];
  if (!best || best.fits * 2 < failing) return undefined;
  return { mistake: best.diagnosis.mistake, message: best.diagnosis.message, fits: best.fits, of: failing };
}
