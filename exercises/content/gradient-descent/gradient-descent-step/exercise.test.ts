import { expect, it } from 'vitest';
import { deriveField, getExercise, instantiateVariant, solveVariant, studyHoursTable, variantParams } from '../../../src/index';
import { studyData, type GradientStepParams } from './variants';
import { describeEachBackend, expectWithin, hundredSeeds, numericVariantSeeds } from '../../../test/helpers';

const exercise = getExercise('gradient-descent-step');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

/** Independent float64: J = mean r², ∂J/∂w = (2/n) Σ r x, ∂J/∂b = (2/n) Σ r. */
function float64(p: GradientStepParams): Record<string, number> {
  const { x, y } = studyData(p.feature);
  const n = x.length;
  const J = (w: number, b: number) => x.reduce((s, xi, i) => s + (w * xi + b - y[i]!) ** 2, 0) / n;
  const r = x.map((xi, i) => p.w * xi + p.b - y[i]!);
  const dw = (2 / n) * r.reduce((s, ri, i) => s + ri * x[i]!, 0);
  const db = (2 / n) * r.reduce((s, ri) => s + ri, 0);
  const wNew = p.w - p.lr * dw;
  const bNew = p.b - p.lr * db;
  return { J: J(p.w, p.b), dJ_dw: dw, dJ_db: db, w_new: wNew, b_new: bNew, J_new: J(wNew, bNew) };
}

it('uses the notes’ study-hours table as printed (quiz and exam as fractions)', () => {
  expect(studyHoursTable.rows).toHaveLength(8);
  expect(studyData('quiz')).toEqual({
    x: [0.78, 0.24, 1, 0.67, 0.58, 0.78, 0.82, 0.91],
    y: [0.93, 0.68, 0.95, 0.75, 0.51, 0.6, 0.89, 0.97],
  });
  expect(instantiateVariant(exercise, 'canonical').statementMarkdown).toContain(
    '| $x$ | 0.78 | 0.24 | 1 | 0.67 | 0.58 | 0.78 | 0.82 | 0.91 |',
  );
});

describeEachBackend('gradient-descent-step', () => {
  it('canonical (quiz → exam, w = b = 0, α = 0.5): J = mean y², ∇J = −(2/8)[Σxy, Σy]', () => {
    const v = values('canonical');
    const { x, y } = studyData('quiz');
    const sumY = y.reduce((s, t) => s + t, 0);
    const sumXY = x.reduce((s, xi, i) => s + xi * y[i]!, 0);
    expect(v.J).toBeCloseTo(y.reduce((s, t) => s + t * t, 0) / 8, 6);
    expect(v.dJ_dw).toBeCloseTo(-sumXY / 4, 5);
    expect(v.dJ_db).toBeCloseTo(-sumY / 4, 5);
    expect(v.dJ_db).toBeCloseTo(-1.57, 6);
    expect(v.w_new).toBeCloseTo(sumXY / 8, 5);
    expect(v.J_new!).toBeLessThan(v.J!);
  });

  it('agrees with a float64 implementation on 1000 random variants, and every step lowers the loss', () => {
    for (const seed of numericVariantSeeds) {
      const expected = float64(variantParams(exercise, seed) as GradientStepParams);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
      expect(actual.J_new!).toBeLessThan(actual.J!);
    }
  });

  it('carries wrong gradients forward into the update and the new loss', () => {
    for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
      const v = values(seed);
      for (const field of fields.filter((f) => f.derive)) {
        expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
      }
    }
    expect(deriveField(exercise, 'canonical', 'w_new', { dJ_dw: -1 })).toBeCloseTo(0.5, 6);
    const expected = float64({ feature: 'quiz', w: 0.5, b: 0.25, lr: 0 }).J!;
    expect(deriveField(exercise, 'canonical', 'J_new', { w_new: 0.5, b_new: 0.25 })).toBeCloseTo(expected, 6);
  });
});
