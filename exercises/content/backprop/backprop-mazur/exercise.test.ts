import { expect, it } from 'vitest';
import { deriveField, getExercise, solveVariant, variantParams } from '../../../src/index';
import type { MazurParams } from './variants';
import { describeEachBackend, expectPrinted, expectWithin, hundredSeeds, numericVariantSeeds, sigmoid } from '../../../test/helpers';

const exercise = getExercise('backprop-mazur');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64 implementation: the chain rule written out as in the notes. */
function float64(p: MazurParams): Record<string, number> {
  const [w1, w2, w3, w4, w5, w6, w7, w8] = p.w as [number, number, number, number, number, number, number, number];
  const [i1, i2] = p.x;
  const [t1, t2] = p.target;
  const h1 = sigmoid(w1 * i1 + w2 * i2 + p.b1);
  const h2 = sigmoid(w3 * i1 + w4 * i2 + p.b1);
  const o1 = sigmoid(w5 * h1 + w6 * h2 + p.b2);
  const o2 = sigmoid(w7 * h1 + w8 * h2 + p.b2);
  const E = 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
  const d1 = (o1 - t1) * o1 * (1 - o1);
  const d2 = (o2 - t2) * o2 * (1 - o2);
  const dw5 = d1 * h1;
  const dw7 = d2 * h1;
  const dw1 = (d1 * w5 + d2 * w7) * h1 * (1 - h1) * i1;
  return {
    out_h1: h1,
    out_h2: h2,
    out_o1: o1,
    out_o2: o2,
    E_total: E,
    dE_dw5: dw5,
    dE_dw7: dw7,
    dE_dw1: dw1,
    w5_new: w5 - p.lr * dw5,
    w1_new: w1 - p.lr * dw1,
  };
}

describeEachBackend('backprop-mazur', () => {
  it('reproduces the numbers printed in the notes', () => {
    const v = values('canonical');
    expectPrinted(v.out_h1!, '0.593269992', 'out_h1');
    expectPrinted(v.out_h2!, '0.597', 'out_h2');
    expectPrinted(v.out_o1!, '0.75136507', 'out_o1');
    expectPrinted(v.out_o2!, '0.773', 'out_o2');
    expectPrinted(v.E_total!, '0.2984', 'E_total');
    expectPrinted(v.dE_dw5!, '0.082', 'dE_dw5');
    expectPrinted(v.dE_dw7!, '-0.023', 'dE_dw7');
    expectPrinted(v.dE_dw1!, '0.000438568', 'dE_dw1');
    // The notes stop at the gradients; Mazur's post prints the updated weights.
    expectPrinted(v.w5_new!, '0.35891648', 'w5_new');
    expectPrinted(v.w1_new!, '0.149780716', 'w1_new');
  });

  it('agrees with the issue’s dE/dw5 = 0.082167… to 6 figures', () => {
    expectPrinted(values('canonical').dE_dw5!, '0.082167');
  });

  it('agrees with a float64 implementation on 1000 random variants', () => {
    for (const seed of numericVariantSeeds) {
      const expected = float64(variantParams(exercise, seed) as MazurParams);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
    }
  });

  it('derives each field from the fields above it, and carries a wrong upstream value forward', () => {
    for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
      const v = values(seed);
      for (const field of fields.filter((f) => f.derive)) {
        expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
      }
    }
    // A student with out_o1 = 0.7 (wrong) and the right out_h1: dE/dw5 = (0.7 − 0.01)·0.7·0.3·out_h1.
    const v = values('canonical');
    const carried = deriveField(exercise, 'canonical', 'dE_dw5', { out_o1: 0.7, out_h1: v.out_h1! });
    expectWithin(carried, (0.7 - 0.01) * 0.7 * 0.3 * v.out_h1!, undefined, 'carried dE_dw5');
    expect(deriveField(exercise, 'canonical', 'w5_new', { dE_dw5: 0.1 })).toBeCloseTo(0.4 - 0.5 * 0.1, 6);
  });
});
