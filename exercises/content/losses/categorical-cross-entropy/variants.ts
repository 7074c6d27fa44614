import type { Variants } from '../../../src/definition';
import { latexRow } from '../../../src/format';

export interface CceParams extends Record<string, unknown> {
  a: number[];
  t: number[];
}

export const variants: Variants<CceParams> = {
  canonical: { a: [2, 1, 0.1], t: [1, 0, 0] },
  generate: (rng) => {
    const k = rng.int(0, 2);
    return { a: [0, 1, 2].map(() => rng.rounded(-2, 3, 1)), t: [0, 1, 2].map((i) => (i === k ? 1 : 0)) };
  },
  display: (p) => ({ a: latexRow(p.a), t: latexRow(p.t) }),
};
