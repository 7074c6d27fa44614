import { moonsDataset, xorDataset } from '../../../src/datasets/index';
import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';
import type { LossName, TwoLayerNet } from './reference';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** 12 moons points (noise 0.1), 4 hidden units, binary cross-entropy, lr 2, 50 steps: the loss falls at every step. */
export const learnsMoons: { X: number[][]; y: number[]; net: TwoLayerNet; lr: number; steps: number; loss: LossName } = (() => {
  const moons = moonsDataset({ n: 12, noise: 0.1, seed: 3 });
  return {
    X: moons.x.map((row) => row.map(round2)),
    y: moons.y,
    net: {
      W1: [
        [0.5, -0.4, 0.3, -0.2],
        [-0.3, 0.6, 0.4, -0.5],
      ],
      b1: [0.1, -0.1, 0, 0.2],
      W2: [[0.7], [-0.6], [0.5], [-0.4]],
      b2: [0],
    },
    lr: 2,
    steps: 50,
    loss: 'bce',
  };
})();

export function visible(): CodeCase[] {
  const xor = xorDataset();
  return [
    {
      name: 'XOR, 2 hidden units, MSE, lr 1, 3 steps (check by hand)',
      entry: 'train',
      args: [
        xor.x,
        xor.y,
        {
          W1: [
            [1, -1],
            [-1, 1],
          ],
          b1: [0, 0],
          W2: [[1], [1]],
          b2: [0],
        },
        1,
        3,
        'mse',
      ],
    },
    {
      name: 'XOR, 3 hidden units, binary cross-entropy, lr 0.5, 10 steps',
      entry: 'train',
      args: [
        xor.x,
        xor.y,
        {
          W1: [
            [0.8, -0.7, 0.3],
            [0.9, 0.6, -0.8],
          ],
          b1: [-0.2, 0.1, 0.3],
          W2: [[0.6], [-0.9], [0.5]],
          b2: [0.1],
        },
        0.5,
        10,
        'bce',
      ],
    },
    {
      name: '12 moons points, 4 hidden units, binary cross-entropy, lr 2, 50 steps: the loss falls',
      entry: 'train',
      args: [learnsMoons.X, learnsMoons.y, learnsMoons.net, learnsMoons.lr, learnsMoons.steps, learnsMoons.loss],
    },
  ];
}

/** Kept small: every case runs tfjs in the grader's sandbox (~15 ms per job plus the training). */
const HIDDEN_CASE_COUNT = 8;

/**
 * A random problem: 4–8 rows of 2–3 features, 2–4 hidden units, 3–12 steps (short runs keep float32 and float64
 * together). MSE targets are fractions in [0, 1], binary cross-entropy targets are labels 0/1.
 */
export function randomTrainingCase(rng: Rng, name: string, loss: LossName): CodeCase {
  const n = rng.int(4, 8);
  const d = rng.int(2, 3);
  const H = rng.int(2, 4);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.rounded(-2, 2, 1)));
  const y = Array.from({ length: n }, () => (loss === 'bce' ? rng.int(0, 1) : rng.rounded(0, 1, 1)));
  const net: TwoLayerNet = {
    W1: Array.from({ length: d }, () => Array.from({ length: H }, () => rng.rounded(-1.5, 1.5, 1))),
    b1: Array.from({ length: H }, () => rng.rounded(-0.5, 0.5, 1)),
    W2: Array.from({ length: H }, () => [rng.rounded(-1.5, 1.5, 1)]),
    b2: [rng.rounded(-0.5, 0.5, 1)],
  };
  return { name: `${name} (${loss})`, entry: 'train', args: [X, y, net, rng.pick([0.1, 0.5, 1]), rng.int(3, 12), loss] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  // Both losses, alternating, so each is graded on every variant.
  return Array.from({ length: HIDDEN_CASE_COUNT }, (_, i) => randomTrainingCase(rng, `hidden ${i + 1}`, i % 2 === 0 ? 'mse' : 'bce'));
}
