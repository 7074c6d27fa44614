import { expect, it } from 'vitest';
import { deriveField, getExercise, solveVariant, variantParams } from '../../../src/index';
import type { L2Params } from './variants';
import { describeEachBackend, expectWithin, hundredSeeds, numericVariantSeeds } from '../../../test/helpers';

const exercise = getExercise('l2-regularised-gradient');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64: ∇MSE = (2/n) Xᵀ(Xw + b − y), ∇J = ∇MSE + 2λw. */
function float64(p: L2Params): Record<string, number> {
  const n = p.X.length;
  const residual = p.X.map((row, i) => row[0]! * p.w[0] + row[1]! * p.w[1] + p.b - p.y[i]!);
  const g = [0, 1].map((j) => (2 / n) * p.X.reduce((s, row, i) => s + row[j]! * residual[i]!, 0)) as [number, number];
  const gr = [g[0] + 2 * p.lambda * p.w[0], g[1] + 2 * p.lambda * p.w[1]] as const;
  return { g1: g[0], g2: g[1], gr1: gr[0], gr2: gr[1], w1_new: p.w[0] - p.lr * gr[0], w2_new: p.w[1] - p.lr * gr[1] };
}

describeEachBackend('l2-regularised-gradient', () => {
  it('canonical: ∇MSE = (2/3)·[−5.5, −8.5], ∇J adds 2·0.1·[0.5, −0.5], new w = [0.85667, 0.07667]', () => {
    const v = values('canonical');
    const exact = {
      g1: -11 / 3,
      g2: -17 / 3,
      gr1: -11 / 3 + 0.1,
      gr2: -17 / 3 - 0.1,
      w1_new: 0.5 + 0.1 * (11 / 3 - 0.1),
      w2_new: -0.5 + 0.1 * (17 / 3 + 0.1),
    };
    for (const [name, value] of Object.entries(exact)) expect(v[name]!, name).toBeCloseTo(value, 5);
  });

  it('agrees with a float64 implementation on 1000 random variants', () => {
    for (const seed of numericVariantSeeds) {
      const expected = float64(variantParams(exercise, seed) as L2Params);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
    }
  });

  it('carries a wrong data gradient forward into ∂J/∂w and the update', () => {
    for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
      const v = values(seed);
      for (const field of fields.filter((f) => f.derive)) {
        expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
      }
    }
    // A wrong data gradient g1 = −3 is carried: −3 + 2·0.1·0.5 = −2.9.
    expect(deriveField(exercise, 'canonical', 'gr1', { g1: -3 })).toBeCloseTo(-2.9, 5);
    expect(deriveField(exercise, 'canonical', 'w2_new', { gr2: -5 })).toBeCloseTo(-0.5 + 0.5, 5);
  });
});
