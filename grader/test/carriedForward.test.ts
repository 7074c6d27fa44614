import { loadExercises, solveVariant, variantParams, type Exercise } from '@deltalab/exercises';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../src';
import { DEFAULT_TOLERANCE, isWithinTolerance } from '@deltalab/exercises/rules';

const numeric = loadExercises().filter((e): e is Exercise & { kind: 'numeric' } => e.kind === 'numeric');
const withDerivedFields = numeric.filter((e) => e.fields.some((f) => f.derive));

describe.each(withDerivedFields.map((e) => [e.slug, e] as const))('error carried forward in %s', (slug, exercise) => {
  it.each(['canonical', 424242] as const)('a field recomputed from a wrong upstream value is carried (variant %s)', async (variant) => {
    const solution = solveVariant(exercise, variant);
    if (solution.kind !== 'numeric') throw new Error('not numeric');
    const params = variantParams(exercise, variant);
    // Find a derived field and a plausible slip (±10–30 %) upstream that actually changes it beyond tolerance
    // (some fields barely depend on an input for some variants, e.g. a dropped-out unit).
    let chosen:
      { derived: (typeof exercise.fields)[number]; upstreamName: string; wrongUpstream: number; carriedValue: number } | undefined;
    search: for (const derived of exercise.fields.filter((f) => f.derive)) {
      for (const upstreamName of derived.derive!.from) {
        const upstreamField = exercise.fields.find((f) => f.name === upstreamName)!;
        const trueUpstream = solution.values[upstreamName]!;
        for (const factor of [1.1, 0.9, 1.3, 0.7]) {
          const wrongUpstream = trueUpstream === 0 ? 0.05 * factor : trueUpstream * factor;
          const range = upstreamField.plausible;
          if (range && (wrongUpstream <= range.min || wrongUpstream >= range.max)) continue;
          const upstream = Object.fromEntries(
            derived.derive!.from.map((n) => [n, n === upstreamName ? wrongUpstream : solution.values[n]!]),
          );
          const carriedValue = derived.derive!.compute(params, upstream);
          const tolerance = derived.tolerance ?? DEFAULT_TOLERANCE;
          if (
            !isWithinTolerance(carriedValue, solution.values[derived.name]!, tolerance) &&
            !isWithinTolerance(wrongUpstream, trueUpstream, upstreamField.tolerance ?? DEFAULT_TOLERANCE)
          ) {
            chosen = { derived, upstreamName, wrongUpstream, carriedValue };
            break search;
          }
        }
      }
    }
    expect(chosen, 'no derived field is sensitive to its upstream values').toBeDefined();
    const { derived, upstreamName, wrongUpstream, carriedValue } = chosen!;

    const answers: Record<string, string> = Object.fromEntries(exercise.fields.map((f) => [f.name, String(solution.values[f.name])]));
    answers[upstreamName] = String(wrongUpstream);
    answers[derived.name] = String(carriedValue);
    const result = await gradeSubmission({ exercise: slug, variant, submission: { kind: 'numeric', answers } });
    const byName = Object.fromEntries((result.fields ?? []).map((f) => [f.name, f]));
    expect(byName[upstreamName]?.status).toBe('wrong');
    expect(byName[derived.name]).toMatchObject({ status: 'carried', credit: exercise.carriedCredit, carriedFrom: [upstreamName] });
    expect(result.passed).toBe(false);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
  });
});

it('the catalogue has numeric exercises with derived fields to test', () => {
  expect(withDerivedFields.map((e) => e.slug)).toEqual(expect.arrayContaining(['backprop-mazur']));
});
