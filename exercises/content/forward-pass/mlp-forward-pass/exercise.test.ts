import { expect, it } from 'vitest';
import { deriveField, getExercise, solveVariant, variantParams } from '../../../src/index';
import type { ForwardPassParams } from './variants';
import { describeEachBackend, expectPrinted, expectWithin, hundredSeeds, numericVariantSeeds, sigmoid } from '../../../test/helpers';

const exercise = getExercise('mlp-forward-pass');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64 forward pass. */
function float64(p: ForwardPassParams): Record<string, number> {
  const layer = (W: number[][], b: number[], a: number[]) => W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, b[i]!));
  const z2 = layer(p.W2, p.b2, p.x);
  const a2 = z2.map(sigmoid);
  const z3 = layer(p.W3, p.b3, a2);
  const a3 = z3.map(sigmoid);
  return { z2_1: z2[0]!, z2_2: z2[1]!, a2_1: a2[0]!, a2_2: a2[1]!, z3_1: z3[0]!, z3_2: z3[1]!, a3_1: a3[0]!, a3_2: a3[1]! };
}

describeEachBackend('mlp-forward-pass', () => {
  it('reproduces the notes: z(2) = [1.3, 1.5], a(2) = [0.7858, 0.8176], z(3) = [0.8389, 0.7056], a(3) = [0.6982, 0.6694]', () => {
    const v = values('canonical');
    const printed: Record<string, string> = {
      z2_1: '1.3',
      z2_2: '1.5',
      a2_1: '0.7858',
      a2_2: '0.8176',
      z3_1: '0.8389',
      z3_2: '0.7056',
      a3_1: '0.6982',
      a3_2: '0.6694',
    };
    for (const [name, text] of Object.entries(printed)) expectPrinted(v[name]!, text, name);
  });

  it('agrees with a float64 implementation on 1000 random variants', () => {
    for (const seed of numericVariantSeeds) {
      const expected = float64(variantParams(exercise, seed) as ForwardPassParams);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
    }
  });

  it('derives each field from the fields above it (error carried forward)', () => {
    for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
      const v = values(seed);
      for (const field of fields.filter((f) => f.derive)) {
        expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
      }
    }
    // A wrong upstream value propagates: a2_1 from a student's z2_1 = 2 is σ(2).
    expect(deriveField(exercise, 'canonical', 'a2_1', { z2_1: 2 })).toBeCloseTo(sigmoid(2), 6);
  });
});
