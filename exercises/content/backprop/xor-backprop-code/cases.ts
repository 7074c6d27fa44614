import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';
import type { XorNetwork } from './reference';

/** Three hidden units, learning rate 4, 300 epochs: the network learns XOR (outputs ≈ 0.08, 0.87, 0.91, 0.13). */
export const learnsXor: { net: XorNetwork; lr: number; epochs: number } = {
  net: {
    W1: [
      [0.8, 0.9],
      [-0.7, 0.6],
      [0.3, -0.8],
    ],
    b1: [-0.2, 0.1, 0.3],
    W2: [[0.6, -0.9, 0.5]],
    b2: [0.1],
  },
  lr: 4,
  epochs: 300,
};

export function visible(): CodeCase[] {
  return [
    {
      name: '2 hidden units, 3 epochs (check by hand)',
      entry: 'trainXor',
      args: [
        {
          W1: [
            [1, -1],
            [-1, 1],
          ],
          b1: [0, 0],
          W2: [[1, 1]],
          b2: [0],
        },
        2,
        3,
      ],
    },
    {
      name: '3 hidden units, learning rate 4, 300 epochs: learns XOR',
      entry: 'trainXor',
      args: [learnsXor.net, learnsXor.lr, learnsXor.epochs],
    },
  ];
}

const HIDDEN_CASE_COUNT = 10;

/** A random 2-H-1 network (H = 2…4), learning rate 1–4, 4–16 epochs: short runs keep float32 and float64 together. */
export function randomTrainingCase(rng: Rng, name: string): CodeCase {
  const hidden = rng.int(2, 4);
  const net: XorNetwork = {
    W1: Array.from({ length: hidden }, () => [rng.rounded(-1.5, 1.5, 1), rng.rounded(-1.5, 1.5, 1)]),
    b1: Array.from({ length: hidden }, () => rng.rounded(-0.5, 0.5, 1)),
    W2: [Array.from({ length: hidden }, () => rng.rounded(-1.5, 1.5, 1))],
    b2: [rng.rounded(-0.5, 0.5, 1)],
  };
  return { name, entry: 'trainXor', args: [net, rng.pick([1, 2, 3, 4]), rng.int(4, 16)] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  return Array.from({ length: HIDDEN_CASE_COUNT }, (_, i) => randomTrainingCase(rng, `hidden ${i + 1}`));
}
