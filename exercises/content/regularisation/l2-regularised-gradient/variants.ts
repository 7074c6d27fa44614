import type { Variants } from '../../../src/definition';
import { formatNumber, latexColumn, latexMatrix } from '../../../src/format';

export interface L2Params extends Record<string, unknown> {
  /** n×2 inputs, one row per example. */
  X: number[][];
  y: number[];
  w: [number, number];
  b: number;
  lambda: number;
  lr: number;
}

export const variants: Variants<L2Params> = {
  // The notes give no numbers for L2; small integers a student can work with by hand.
  canonical: {
    X: [
      [1, 2],
      [2, 0],
      [0, 1],
    ],
    y: [3, 2, 1],
    w: [0.5, -0.5],
    b: 0,
    lambda: 0.1,
    lr: 0.1,
  },
  generate: (rng) => ({
    X: Array.from({ length: 3 }, () => [rng.int(-2, 3), rng.int(-2, 3)]),
    y: Array.from({ length: 3 }, () => rng.int(-3, 4)),
    w: [rng.rounded(-1, 1, 1), rng.rounded(-1, 1, 1)],
    b: rng.rounded(-0.5, 0.5, 1),
    lambda: rng.pick([0.01, 0.05, 0.1, 0.2, 0.5]),
    lr: rng.pick([0.05, 0.1, 0.2]),
  }),
  display: (p) => ({
    X: latexMatrix(p.X),
    y: latexColumn(p.y),
    w1: formatNumber(p.w[0]),
    w2: formatNumber(p.w[1]),
    b: formatNumber(p.b),
    lambda: formatNumber(p.lambda),
    lr: formatNumber(p.lr),
    n: String(p.X.length),
  }),
};
