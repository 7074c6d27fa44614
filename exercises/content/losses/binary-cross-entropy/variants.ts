import type { Variants } from '../../../src/definition';
import { latexRow } from '../../../src/format';

export interface BceParams extends Record<string, unknown> {
  y: number[];
  p: number[];
}

export const variants: Variants<BceParams> = {
  canonical: { y: [1, 0, 1, 0], p: [0.9, 0.2, 0.6, 0.3] },
  generate: (rng) => ({
    y: Array.from({ length: 4 }, () => rng.int(0, 1)),
    p: Array.from({ length: 4 }, () => rng.rounded(0.05, 0.95, 2)),
  }),
  display: (p) => ({ y: latexRow(p.y), p: latexRow(p.p) }),
};
