import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, hiddenCases, variantSeed, visibleCases } from '../../../src/index';
import { learnsMoons, randomTrainingCase } from './cases';
import type { LossName, Training, TwoLayerNet } from './reference';
import { describeEachBackend, firstMismatch, hundredSeeds } from '../../../test/helpers';

const exercise = getExercise('gradient-descent-tf-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const matMul = (A: number[][], B: number[][]) => A.map((row) => B[0]!.map((_, k) => row.reduce((s, v, j) => s + v * B[j]![k]!, 0)));
const transpose = (A: number[][]) => A[0]!.map((_, k) => A.map((row) => row[k]!));

/**
 * Independent float64 training in matrix form: for a sigmoid output both losses give ∂J/∂z = c·(ŷ − y)
 * (c = 2ŷ(1 − ŷ)/n for the MSE, 1/n for the cross-entropy), then Hᵀδ, Xᵀ(δW2ᵀ ⊙ H ⊙ (1 − H)).
 */
function float64(X: number[][], y: number[], net: TwoLayerNet, lr: number, steps: number, loss: LossName): Training {
  let { W1, b1, W2, b2 } = structuredClone(net);
  const n = X.length;
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const H = matMul(X, W1).map((row) => row.map((v, k) => sigmoid(v + b1[k]!)));
    const p = matMul(H, W2).map((row) => sigmoid(row[0]! + b2[0]!));
    losses.push(
      loss === 'mse'
        ? p.reduce((a, v, i) => a + (y[i]! - v) ** 2, 0) / n
        : -p.reduce((a, v, i) => a + y[i]! * Math.log(v) + (1 - y[i]!) * Math.log(1 - v), 0) / n,
    );
    const delta = p.map((v, i) => [(loss === 'mse' ? (2 * v * (1 - v)) / n : 1 / n) * (v - y[i]!)]);
    const gW2 = matMul(transpose(H), delta);
    const gb2 = delta.reduce((a, d) => a + d[0]!, 0);
    const deltaHidden = matMul(delta, transpose(W2)).map((row, i) => row.map((v, k) => v * H[i]![k]! * (1 - H[i]![k]!)));
    const gW1 = matMul(transpose(X), deltaHidden);
    const gb1 = b1.map((_, k) => deltaHidden.reduce((a, d) => a + d[k]!, 0));
    W1 = W1.map((row, j) => row.map((v, k) => v - lr * gW1[j]![k]!));
    b1 = b1.map((v, k) => v - lr * gb1[k]!);
    W2 = W2.map((row, k) => [row[0]! - lr * gW2[k]![0]!]);
    b2 = [b2[0]! - lr * gb2];
  }
  return { net: { W1, b1, W2, b2 }, losses };
}

type Args = Parameters<typeof float64>;

describeEachBackend('gradient-descent-tf-code', () => {
  it('the sample cases agree with float64 backprop; on the moons sample the loss falls at every step, 0.647 → 0.41', () => {
    for (const c of visibleCases(exercise, 'canonical')) {
      expect(firstMismatch(c.expected, float64(...(c.args as Args)), tolerance), c.name).toBeNull();
    }
    const moons = visibleCases(exercise, 'canonical').find((c) => c.name.includes('moons'))!.expected as Training;
    expect(moons.losses).toHaveLength(learnsMoons.steps);
    expect(moons.losses[0]).toBeCloseTo(0.647, 3);
    expect(moons.losses.at(-1)).toBeCloseTo(0.41, 2);
    for (let s = 1; s < moons.losses.length; s++) expect(moons.losses[s]!).toBeLessThan(moons.losses[s - 1]!);
  });

  it('agrees with a float64 implementation on 100 random cases of each loss', () => {
    for (const seed of hundredSeeds) {
      for (const loss of ['mse', 'bce'] as const) {
        const c = randomTrainingCase(createRng(seed), `seed ${seed}`, loss);
        expect(firstMismatch(expectedOutput(exercise, c), float64(...(c.args as Args)), tolerance), c.name).toBeNull();
      }
    }
  });

  it('hidden cases grade both losses with a modest number of short runs', () => {
    const cases = hiddenCases(exercise, variantSeed('gradient-descent-tf-code', 'student-1'));
    expect(cases.length).toBeLessThanOrEqual(8);
    expect(new Set(cases.map((c) => c.args[5]))).toEqual(new Set(['mse', 'bce']));
    for (const c of cases) {
      const steps = c.args[4] as number;
      expect(steps).toBeLessThanOrEqual(12);
      expect((c.expected as Training).losses).toHaveLength(steps);
    }
  });
});
