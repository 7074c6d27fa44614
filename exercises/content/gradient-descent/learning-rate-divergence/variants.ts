import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export interface LearningRateParams extends Record<string, unknown> {
  /** J(w) = a (w − c)² */
  a: number;
  c: number;
  w0: number;
  /** Too small, about right, too large. */
  rates: [number, number, number];
}

export const variants: Variants<LearningRateParams> = {
  // The notes show the three regimes as pictures only; J(w) = (w − 3)² from w = 0 shows them in numbers.
  canonical: { a: 1, c: 3, w0: 0, rates: [0.1, 0.4, 1.1] },
  generate: (rng) => {
    const a = rng.pick([0.5, 1, 2, 2.5]);
    const c = rng.pick([-3, -2, -1, 1, 2, 3, 4]);
    const w0 = c + rng.pick([-4, -3, -2, 2, 3, 4]);
    // With α·a = r the error is multiplied by (1 − 2r) per step: r = 0.05…0.1 is slow, 0.4 fast, > 1 diverges.
    const r = [rng.pick([0.05, 0.1]), rng.pick([0.3, 0.4]), rng.pick([1.1, 1.2, 1.25])];
    return { a, c, w0, rates: r.map((v) => Number((v / a).toFixed(4))) as [number, number, number] };
  },
  display: (p) => ({
    a: formatNumber(p.a),
    shifted: p.c < 0 ? `w + ${formatNumber(-p.c)}` : `w - ${formatNumber(p.c)}`,
    w0: formatNumber(p.w0),
    small: formatNumber(p.rates[0]),
    good: formatNumber(p.rates[1]),
    large: formatNumber(p.rates[2]),
  }),
};
