import { expect, it } from 'vitest';
import { getExercise, solveVariant, variantParams } from '../../../src/index';
import type { LearningRateParams } from './variants';
import { describeEachBackend, expectPrinted, expectWithin, numericVariantSeeds } from '../../../test/helpers';

const exercise = getExercise('learning-rate-divergence');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64: the error w − c is multiplied by (1 − 2aα) each step. */
function float64(p: LearningRateParams): Record<string, number> {
  const w3 = (rate: number) => p.c + (p.w0 - p.c) * (1 - 2 * p.a * rate) ** 3;
  return {
    alpha_max: 1 / p.a,
    w3_small: w3(p.rates[0]),
    w3_good: w3(p.rates[1]),
    w3_large: w3(p.rates[2]),
    J3_large: p.a * (w3(p.rates[2]) - p.c) ** 2,
  };
}

describeEachBackend('learning-rate-divergence', () => {
  it('canonical J = (w − 3)², w0 = 0: α = 0.1 creeps to 1.464, α = 0.4 reaches 2.976, α = 1.1 diverges to 8.184', () => {
    const v = values('canonical');
    const printed: Record<string, string> = { alpha_max: '1', w3_small: '1.464', w3_good: '2.976', w3_large: '8.184', J3_large: '26.874' };
    for (const [name, text] of Object.entries(printed)) expectPrinted(v[name]!, text, name);
  });

  it('agrees with a float64 implementation on 1000 random variants; the three regimes always show', () => {
    for (const seed of numericVariantSeeds) {
      const p = variantParams(exercise, seed) as LearningRateParams;
      const expected = float64(p);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
      const distance = (w: number) => Math.abs(w - p.c);
      expect(p.rates[2]).toBeGreaterThan(actual.alpha_max!);
      expect(distance(actual.w3_good!)).toBeLessThan(distance(actual.w3_small!));
      expect(distance(actual.w3_small!)).toBeLessThan(Math.abs(p.w0 - p.c));
      expect(actual.J3_large!).toBeGreaterThan(p.a * (p.w0 - p.c) ** 2);
    }
  });
});
