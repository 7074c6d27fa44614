import { expect, it } from 'vitest';
import { getExercise, solveVariant, variantParams } from '../../../src/index';
import type { PerceptronParams } from './variants';
import { describeEachBackend, expectPrinted, expectWithin, hundredSeeds, numericVariantSeeds, sigmoid } from '../../../test/helpers';

const exercise = getExercise('perceptron-forward');
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

describeEachBackend('perceptron-forward', () => {
  it('reproduces the notes: g(1 + 3·(−1) − 2·2) = g(−6) ≈ 0.002', () => {
    expectPrinted(values('canonical').y_hat!, '0.002', 'y_hat');
  });

  it('agrees with a float64 implementation on 1000 random variants', () => {
    if (exercise.kind !== 'numeric') throw new Error('numeric expected');
    for (const seed of numericVariantSeeds) {
      const p = variantParams(exercise, seed) as PerceptronParams;
      const expected = sigmoid(p.w0 + p.x[0]! * p.W[0]! + p.x[1]! * p.W[1]!);
      expectWithin(values(seed).y_hat!, expected, exercise.fields[0]!.tolerance, `seed ${seed}`);
    }
  });
});

it('keeps |z| ≤ 6 so the answer has readable figures', () => {
  for (const seed of hundredSeeds) {
    const p = variantParams(exercise, seed) as PerceptronParams;
    expect(Math.abs(p.w0 + p.x[0]! * p.W[0]! + p.x[1]! * p.W[1]!)).toBeLessThanOrEqual(6);
  }
});
