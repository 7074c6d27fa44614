import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, visibleCases } from '../../../src/index';
import { randomEpochCase, studyHoursRegression } from './cases';
import type { EpochResult } from './reference';
import { describeEachBackend, firstMismatch, hundredSeeds } from '../../../test/helpers';

const exercise = getExercise('sgd-epoch-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

/** Independent float64 epoch: residuals of the batch, gradient (2/B) Xᵀr and (2/B) Σ r. */
function float64(w0: number[], b0: number, X: number[][], y: number[], lr: number, batchSize: number): EpochResult {
  let w = [...w0];
  let b = b0;
  const losses: number[] = [];
  for (let k = 0; k * batchSize < X.length; k++) {
    const idx = Array.from({ length: Math.min(batchSize, X.length - k * batchSize) }, (_, i) => k * batchSize + i);
    const r = idx.map((i) => X[i]!.reduce((s, v, j) => s + v * w[j]!, b) - y[i]!);
    losses.push(r.reduce((s, v) => s + v ** 2, 0) / idx.length);
    w = w.map((wj, j) => wj - (lr * 2 * idx.reduce((s, i, n) => s + r[n]! * X[i]![j]!, 0)) / idx.length);
    b -= (lr * 2 * r.reduce((s, v) => s + v, 0)) / idx.length;
  }
  return { w, b, losses };
}

describeEachBackend('sgd-epoch-code', () => {
  it('on the notes’ study-hours table: batch GD from zero makes one step of α·(2/8)Σ y·x; SGD makes 8, mini-batches of 2 make 4', () => {
    const cases = visibleCases(exercise, 'canonical');
    const { X, y } = studyHoursRegression();
    const batch = cases.find((c) => c.args[5] === 8)!.expected as EpochResult;
    expect(batch.losses).toHaveLength(1);
    expect(batch.losses[0]).toBeCloseTo(y.reduce((s, t) => s + t * t, 0) / 8, 6);
    [0, 1, 2].forEach((j) => expect(batch.w[j]).toBeCloseTo((0.1 * 2 * X.reduce((s, row, i) => s + row[j]! * y[i]!, 0)) / 8, 6));
    expect((cases.find((c) => c.args[5] === 1)!.expected as EpochResult).losses).toHaveLength(8);
    expect((cases.find((c) => c.args[5] === 2)!.expected as EpochResult).losses).toHaveLength(4);
    expect((cases.find((c) => c.args[5] === 3)!.expected as EpochResult).losses).toHaveLength(3);
    for (const c of cases) {
      const args = c.args as Parameters<typeof float64>;
      expect(firstMismatch(c.expected, float64(...args), tolerance), c.name).toBeNull();
    }
  });

  it('agrees with a float64 implementation on 100 random cases', () => {
    for (const seed of hundredSeeds) {
      const c = randomEpochCase(createRng(seed), `seed ${seed}`);
      expect(firstMismatch(expectedOutput(exercise, c), float64(...(c.args as Parameters<typeof float64>)), tolerance), c.name).toBeNull();
    }
  });
});
