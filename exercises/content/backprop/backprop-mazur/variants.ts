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

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** ∂E/∂w5, ∂E/∂w7 and ∂E/∂w1 in float64 (variant screening only; the reference is reference.ts). */
function gradients(p: MazurParams): number[] {
  const [w1, w2, w3, w4, w5, w6, w7, w8] = p.w as [number, number, number, number, number, number, number, number];
  const h1 = sigmoid(w1 * p.x[0] + w2 * p.x[1] + p.b1);
  const h2 = sigmoid(w3 * p.x[0] + w4 * p.x[1] + p.b1);
  const o1 = sigmoid(w5 * h1 + w6 * h2 + p.b2);
  const o2 = sigmoid(w7 * h1 + w8 * h2 + p.b2);
  const d1 = (o1 - p.target[0]) * o1 * (1 - o1);
  const d2 = (o2 - p.target[1]) * o2 * (1 - o2);
  return [d1 * h1, d2 * h1, (d1 * w5 + d2 * w7) * h1 * (1 - h1) * p.x[0]];
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
  generate: (rng) => {
    for (;;) {
      const p: MazurParams = {
        w: Array.from({ length: 8 }, () => rng.rounded(0.05, 0.95, 2)),
        b1: rng.rounded(0.1, 0.9, 2),
        b2: rng.rounded(0.1, 0.9, 2),
        // Inputs of order 0.1–1 keep ∂E/∂w1 well away from 0 (a relative tolerance needs a sizeable value).
        x: [rng.rounded(0.1, 1, 2), rng.rounded(0.1, 1, 2)],
        target: [rng.rounded(0.01, 0.3, 2), rng.rounded(0.7, 0.99, 2)],
        lr: rng.pick([0.1, 0.25, 0.5, 1]),
      };
      // An output near its target, or two terms of ∂E/∂w1 that cancel, leave a gradient under 1e-4 whose float32
      // value is off in the 3rd figure (seen: −3.302e-6 for −3.295e-6): draw again.
      if (gradients(p).every((g) => Math.abs(g) >= 1e-4)) return p;
    }
  },
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
