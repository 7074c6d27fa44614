import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, solveVariant, visibleCases } from '../../../src/index';
import { notesClassifier, randomSoftmaxCase } from './cases';
import type { SoftmaxGradient } from './reference';
import { describeEachBackend, firstMismatch, hundredSeeds } from '../../../test/helpers';

const exercise = getExercise('softmax-gradient-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

/** Independent float64: per-example gradients x_j (y_k − t_k), averaged. */
function float64(W: number[][], b: number[], X: number[][], labels: number[]): SoftmaxGradient {
  const B = labels.length;
  const perExample = labels.map((label, s) => {
    const x = X.map((row) => row[s]!);
    const e = W.map((row, k) => Math.exp(row.reduce((sum, w, j) => sum + w * x[j]!, b[k]!)));
    const y = e.map((v) => v / e.reduce((sum, u) => sum + u, 0));
    const delta = y.map((yk, k) => yk - (k === label ? 1 : 0));
    return { dW: delta.map((d) => x.map((xj) => d * xj)), db: delta };
  });
  return {
    dW: W.map((row, k) => row.map((_, j) => perExample.reduce((sum, g) => sum + g.dW[k]![j]!, 0) / B)),
    db: b.map((_, k) => perExample.reduce((sum, g) => sum + g.db[k]!, 0) / B),
  };
}

describeEachBackend('softmax-gradient-code', () => {
  it('one example reproduces softmax-classifier-gradient (x_j(y_k − t_k)); the batch is the mean of its examples', () => {
    const [single, batch] = visibleCases(exercise, 'canonical') as unknown as [
      { expected: SoftmaxGradient; args: unknown[] },
      { expected: SoftmaxGradient; args: unknown[] },
    ];
    const numeric = getExercise('softmax-classifier-gradient');
    const values = (solveVariant(numeric, 'canonical') as { values: Record<string, number> }).values;
    // Its canonical classifier with x = [1, 2] of class 2 (fields are 1-based: w_kj).
    expect(single.expected.dW[0]![0]).toBeCloseTo(values.dL_dw11!, 5);
    expect(single.expected.dW[1]![1]).toBeCloseTo(values.dL_dw22!, 5);
    expect(single.expected.dW[2]![0]).toBeCloseTo(values.dL_dw31!, 5);
    expect(single.expected.db[1]).toBeCloseTo(values.dL_db2!, 5);
    const [W, b, X, labels] = batch.args as [number[][], number[], number[][], number[]];
    const means = labels.map(
      (label, s) =>
        expectedOutput(exercise, {
          name: 'one',
          entry: 'softmaxGradient',
          args: [W, b, X.map((row) => [row[s]!]), [label]],
        }) as SoftmaxGradient,
    );
    batch.expected.db.forEach((v, k) => expect(v).toBeCloseTo(means.reduce((sum, g) => sum + g.db[k]!, 0) / labels.length, 6));
    expect(b).toEqual(notesClassifier.b);
    expect(firstMismatch(batch.expected, float64(W, b, X, labels), tolerance)).toBeNull();
  });

  it('agrees with a float64 implementation on 100 random cases', () => {
    for (const seed of hundredSeeds) {
      const c = randomSoftmaxCase(createRng(seed), `seed ${seed}`);
      expect(firstMismatch(expectedOutput(exercise, c), float64(...(c.args as Parameters<typeof float64>)), tolerance), c.name).toBeNull();
    }
  });
});
