import { expect, it } from 'vitest';
import { deriveField, getExercise, solveVariant, variantParams } from '../../../src/index';
import type { SymmetricInitParams } from './variants';
import { describeEachBackend, expectWithin, hundredSeeds, numericVariantSeeds, sigmoid } from '../../../test/helpers';

const exercise = getExercise('symmetric-init-gradients');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64, the chain rule for one constant c. */
function chain(p: SymmetricInitParams, c: number) {
  const h = sigmoid(c * p.x[0] + c * p.x[1]);
  const y = sigmoid(2 * c * h);
  const delta = (y - p.target) * y * (1 - y);
  return { h, y, dv: delta * h, dw1: delta * c * h * (1 - h) * p.x[0] };
}
function float64(p: SymmetricInitParams): Record<string, number> {
  const k = chain(p, p.c);
  const zero = chain(p, 0);
  return { h: k.h, y: k.y, dE_dv1: k.dv, dE_dv2: k.dv, dE_dw11: k.dw1, dE_dw21: k.dw1, dE_dv_zero: zero.dv, dE_dw11_zero: zero.dw1 };
}

describeEachBackend('symmetric-init-gradients', () => {
  it('canonical (Mazur’s input, all weights 0.5): identical gradients per unit; all-zero weights give ∂E/∂w = 0', () => {
    const v = values('canonical');
    expect(v.h).toBeCloseTo(sigmoid(0.075), 6);
    expect(v.dE_dv1).toBe(v.dE_dv2);
    expect(v.dE_dw11).toBe(v.dE_dw21);
    expect(v.dE_dw11).toBeGreaterThan(0);
    expect(v.dE_dv_zero).toBeCloseTo((0.5 - 0.01) * 0.25 * 0.5, 6);
    expect(v.dE_dw11_zero).toBe(0);
  });

  it('agrees with a float64 implementation on 1000 random variants, and the two hidden units always get equal gradients', () => {
    for (const seed of numericVariantSeeds) {
      const expected = float64(variantParams(exercise, seed) as SymmetricInitParams);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
      expect(actual.dE_dv1).toBe(actual.dE_dv2);
      expect(actual.dE_dw11).toBe(actual.dE_dw21);
      expect(actual.dE_dw11_zero).toBe(0);
    }
  });

  it('derives y and the gradients from the student’s h and y (error carried forward)', () => {
    for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
      const v = values(seed);
      for (const field of fields.filter((f) => f.derive)) {
        expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
      }
    }
    // A student with y = 0.6 (and the right h): ∂E/∂v1 = (0.6 − 0.01)·0.6·0.4·h.
    const v = values('canonical');
    expectWithin(deriveField(exercise, 'canonical', 'dE_dv1', { y: 0.6, h: v.h! }), 0.59 * 0.6 * 0.4 * v.h!, undefined, 'carried dE_dv1');
  });
});
