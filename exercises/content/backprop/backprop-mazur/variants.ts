import type { Variants } from '../../../src/definition';
import { formatList, formatNumber } from '../../../src/format';

export interface MazurParams extends Record<string, unknown> {
  /** w1..w8 */
  w: number[];
  b1: number;
  b2: number;
  x: [number, number];
  target: [number, number];
  lr: number;
}

export const variants: Variants<MazurParams> = {
  canonical: {
    w: [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55],
    b1: 0.35,
    b2: 0.6,
    x: [0.05, 0.1],
    target: [0.01, 0.99],
    lr: 0.5,
  },
  generate: (rng) => ({
    w: Array.from({ length: 8 }, () => rng.rounded(0.05, 0.95, 2)),
    b1: rng.rounded(0.1, 0.9, 2),
    b2: rng.rounded(0.1, 0.9, 2),
    // Inputs of order 0.1–1 keep ∂E/∂w1 well away from 0 (a relative tolerance needs a sizeable value).
    x: [rng.rounded(0.1, 1, 2), rng.rounded(0.1, 1, 2)],
    target: [rng.rounded(0.01, 0.3, 2), rng.rounded(0.7, 0.99, 2)],
    lr: rng.pick([0.1, 0.25, 0.5, 1]),
  }),
  display: (p) => ({
    weights: formatList(p.w),
    b1: formatNumber(p.b1),
    b2: formatNumber(p.b2),
    i1: formatNumber(p.x[0]),
    i2: formatNumber(p.x[1]),
    t1: formatNumber(p.target[0]),
    t2: formatNumber(p.target[1]),
    lr: formatNumber(p.lr),
  }),
};
