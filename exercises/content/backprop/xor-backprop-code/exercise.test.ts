import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, hiddenCases, variantSeed, visibleCases } from '../../../src/index';
import { learnsXor, randomTrainingCase } from './cases';
import type { XorNetwork, XorTraining } from './reference';
import { describeEachBackend, firstMismatch, hundredSeeds } from '../../../test/helpers';

const exercise = getExercise('xor-backprop-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** Independent float64 XOR training, written with explicit delta vectors. */
function float64(net: XorNetwork, lr: number, epochs: number): XorTraining {
  const X = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const T = [0, 1, 1, 0];
  let { W1, b1, W2, b2 } = JSON.parse(JSON.stringify(net)) as XorNetwork;
  const run = () =>
    X.map((x) => {
      const h = W1.map((r, i) => sigmoid(r[0]! * x[0]! + r[1]! * x[1]! + b1[i]!));
      return { x, h, y: sigmoid(W2[0]!.reduce((s, w, i) => s + w * h[i]!, b2[0]!)) };
    });
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const points = run();
    losses.push(points.reduce((s, p, n) => s + (p.y - T[n]!) ** 2, 0) / 4);
    const dOut = points.map((p, n) => (p.y - T[n]!) * 0.5 * p.y * (1 - p.y));
    const dHid = points.map((p, n) => p.h.map((h, i) => dOut[n]! * W2[0]![i]! * h * (1 - h)));
    W1 = W1.map((r, i) => r.map((w, j) => w - lr * points.reduce((s, p, n) => s + dHid[n]![i]! * p.x[j]!, 0)));
    b1 = b1.map((b, i) => b - lr * dHid.reduce((s, d) => s + d[i]!, 0));
    W2 = [W2[0]!.map((w, i) => w - lr * points.reduce((s, p, n) => s + dOut[n]! * p.h[i]!, 0))];
    b2 = [b2[0]! - lr * dOut.reduce((s, d) => s + d, 0)];
  }
  return { losses, predictions: run().map((p) => p.y) };
}

describeEachBackend('xor-backprop-code', () => {
  it('the sample case learns XOR: the loss falls from 0.255 to 0.012 and the predictions round to 0, 1, 1, 0', () => {
    const learned = visibleCases(exercise, 'canonical').find((c) => c.name.includes('learns XOR'))!.expected as XorTraining;
    expect(learned.losses).toHaveLength(learnsXor.epochs);
    expect(learned.losses[0]).toBeCloseTo(0.255, 3);
    expect(learned.losses.at(-1)).toBeCloseTo(0.012, 3);
    for (let e = 1; e < learned.losses.length; e++) expect(learned.losses[e]!).toBeLessThan(learned.losses[e - 1]!);
    expect(learned.predictions.map(Math.round)).toEqual([0, 1, 1, 0]);
    expect(firstMismatch(learned, float64(learnsXor.net, learnsXor.lr, learnsXor.epochs), tolerance)).toBeNull();
  });

  it('agrees with a float64 implementation on 100 random training cases', () => {
    for (const seed of hundredSeeds) {
      const c = randomTrainingCase(createRng(seed), `seed ${seed}`);
      const [net, lr, epochs] = c.args as [XorNetwork, number, number];
      expect(firstMismatch(expectedOutput(exercise, c), float64(net, lr, epochs), tolerance), c.name).toBeNull();
    }
  });

  it('hidden cases are short random runs with 2–4 hidden units', () => {
    const cases = hiddenCases(exercise, variantSeed('xor-backprop-code', 'student-1'));
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      const [net, , epochs] = c.args as [XorNetwork, number, number];
      expect(net.W1.length).toBeGreaterThanOrEqual(2);
      expect((c.expected as XorTraining).losses).toHaveLength(epochs);
    }
  });
});
