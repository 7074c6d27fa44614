import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, visibleCases } from '../../../src/index';
import { notesKernelCase, randomLogisticCase } from './cases';
import type { LogisticGradient } from './reference';
import { describeEachBackend, firstMismatch, hundredSeeds, sigmoid } from '../../../test/helpers';

const exercise = getExercise('logistic-gradient-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

/** Independent float64: transpose X to rows of examples, then Σ (a − y)·x per example. */
function float64(X: number[][], Y: number[], w: number[], b: number): LogisticGradient {
  const examples = Y.map((_, i) => X.map((row) => row[i]!));
  const dw = w.map(() => 0);
  let db = 0;
  examples.forEach((x, i) => {
    const a = sigmoid(x.reduce((s, v, j) => s + v * w[j]!, b));
    x.forEach((v, j) => (dw[j]! += (a - Y[i]!) * v));
    db += a - Y[i]!;
  });
  return { dw, db };
}

describeEachBackend('logistic-gradient-code', () => {
  it('the notes’ weights [0.32, 0.3, −0.21, 0.002]: ∂J/∂b = Σ(a − y) with a = σ(wᵀx)', () => {
    const sample = visibleCases(exercise, 'canonical')[0]!;
    const { X, Y, w, b } = notesKernelCase;
    const z = [0, 1, 2].map((i) => X.reduce((s, row, j) => s + w[j]! * row[i]!, b));
    // Columns: z = 0.32 + 0.9 − 0.42 + 0.02 = 0.82, 0.64 − 0.21 + 0.1 = 0.53, 0.3 − 0.84 + 0.2 = −0.34.
    expect(z.map((v) => Number(v.toFixed(6)))).toEqual([0.82, 0.53, -0.34]);
    const expected = sample.expected as LogisticGradient;
    expect(expected.db).toBeCloseTo(sigmoid(0.82) - 1 + sigmoid(0.53) + sigmoid(-0.34) - 1, 6);
    expect(firstMismatch(expected, float64(X, Y, w, b), tolerance)).toBeNull();
  });

  it('agrees with a float64 implementation on 100 random cases', () => {
    for (const seed of hundredSeeds) {
      const c = randomLogisticCase(createRng(seed), `seed ${seed}`);
      expect(firstMismatch(expectedOutput(exercise, c), float64(...(c.args as Parameters<typeof float64>)), tolerance), c.name).toBeNull();
    }
  });

  it('stays finite where σ saturates (|z| ≈ 100)', () => {
    const out = expectedOutput(exercise, {
      name: 'large z',
      entry: 'logisticGradient',
      args: [[[100, -100]], [0, 1], [1], 0],
    }) as LogisticGradient;
    expect(out.dw[0]).toBeCloseTo(200, 3);
    expect(out.db).toBeCloseTo(0, 6);
  });
});
