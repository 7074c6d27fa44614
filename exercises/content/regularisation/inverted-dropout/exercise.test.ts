import { expect, it } from 'vitest';
import { deriveField, getExercise, solveVariant, variantParams } from '../../../src/index';
import type { DropoutParams } from './variants';
import { describeEachBackend, expectPrinted, expectWithin, hundredSeeds, numericVariantSeeds } from '../../../test/helpers';

const exercise = getExercise('inverted-dropout');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64: y = m ⊙ a / (1 − p), ∂L/∂a = m ⊙ ∂L/∂y / (1 − p). */
function float64(p: DropoutParams): Record<string, number> {
  const scale = 1 / (1 - p.rate);
  const out: Record<string, number> = { scale };
  p.a.forEach((a, i) => {
    out[`y${i + 1}`] = p.mask[i]! * a * scale;
    out[`g${i + 1}`] = p.mask[i]! * p.upstream[i]! * scale;
  });
  return out;
}

describeEachBackend('inverted-dropout', () => {
  it('canonical (the notes’ activations, Dropout(p=0.5)): y = [1.5716, 0, 0, 1.3388], ∂L/∂a = [0.2, 0, 0, −0.8]', () => {
    const v = values('canonical');
    const printed: Record<string, string> = {
      scale: '2',
      y1: '1.5716',
      y2: '0',
      y3: '0',
      y4: '1.3388',
      g1: '0.2',
      g2: '0',
      g3: '0',
      g4: '-0.8',
    };
    for (const [name, text] of Object.entries(printed)) expectPrinted(v[name]!, text, name);
  });

  it('agrees with a float64 implementation on 1000 random variants; dropped units give exactly 0', () => {
    for (const seed of numericVariantSeeds) {
      const p = variantParams(exercise, seed) as DropoutParams;
      expect(p.mask).toContain(0);
      expect(p.mask).toContain(1);
      const expected = float64(p);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
      p.mask.forEach((m, i) => m === 0 && expect(actual[`y${i + 1}`]).toBe(0));
    }
  });

  it('carries a wrong scale factor forward (e.g. scaling by 1 − p instead of 1/(1 − p))', () => {
    for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
      const v = values(seed);
      for (const field of fields.filter((f) => f.derive)) {
        expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
      }
    }
    expect(deriveField(exercise, 'canonical', 'y1', { scale: 0.5 })).toBeCloseTo(0.3929, 5);
    expect(deriveField(exercise, 'canonical', 'g4', { scale: 0.5 })).toBeCloseTo(-0.2, 6);
  });
});
