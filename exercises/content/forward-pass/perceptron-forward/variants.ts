import { formatNumber, latexColumn } from '../../../src/format';
import type { Variants } from '../../../src/definition';

export interface PerceptronParams extends Record<string, unknown> {
  w0: number;
  W: number[];
  x: number[];
}

export const variants: Variants<PerceptronParams> = {
  // The notes: w0 = 1, W = [3, −2], x = [−1, 2] ⇒ ŷ = g(−6) ≈ 0.002.
  canonical: { w0: 1, W: [3, -2], x: [-1, 2] },
  generate: (rng) => {
    // Keep |z| ≤ 6 so ŷ has readable significant figures (not 0.99999…).
    for (;;) {
      const p = { w0: rng.int(-3, 3), W: [rng.int(-4, 4), rng.int(-4, 4)], x: [rng.int(-3, 3), rng.int(-3, 3)] };
      const z = p.w0 + p.W[0]! * p.x[0]! + p.W[1]! * p.x[1]!;
      if (Math.abs(z) <= 6) return p;
    }
  },
  display: (p) => ({ w0: formatNumber(p.w0), W: latexColumn(p.W), x: latexColumn(p.x) }),
};
