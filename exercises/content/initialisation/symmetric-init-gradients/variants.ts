import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export interface SymmetricInitParams extends Record<string, unknown> {
  /** Every weight (input→hidden and hidden→output) starts at this value; biases start at 0. */
  c: number;
  x: [number, number];
  target: number;
}

export const variants: Variants<SymmetricInitParams> = {
  // Mazur's input [0.05, 0.1] and first target 0.01 from the notes, with every weight set to 0.5.
  canonical: { c: 0.5, x: [0.05, 0.1], target: 0.01 },
  generate: (rng) => ({
    c: rng.pick([-1, -0.5, -0.3, 0.2, 0.3, 0.5, 0.8, 1]),
    x: [rng.rounded(0.2, 2, 1), rng.rounded(-2, 2, 1) || 0.5],
    target: rng.pick([0.01, 0.1, 0.9, 0.99]),
  }),
  display: (p) => ({ c: formatNumber(p.c), x1: formatNumber(p.x[0]), x2: formatNumber(p.x[1]), t: formatNumber(p.target) }),
};
