import type { Variants } from '../../../src/definition';
import { formatNumber, latexMatrix, latexRow } from '../../../src/format';

export interface LogisticParams extends Record<string, unknown> {
  /** 4 features × 3 examples (examples are columns). */
  X: number[][];
  Y: number[];
  w: number[];
  b: number;
}

export const variants: Variants<LogisticParams> = {
  canonical: {
    X: [
      [1, 0, 2],
      [0.5, -1, 1],
      [-1, 2, 0],
      [0, 1, -0.5],
    ],
    Y: [1, 0, 1],
    w: [0.2, -0.3, 0.1, 0.4],
    b: -0.1,
  },
  generate: (rng) => ({
    X: [0, 1, 2, 3].map(() => [0, 1, 2].map(() => rng.rounded(-2, 2, 1))),
    Y: [rng.int(0, 1), rng.int(0, 1), rng.int(0, 1)],
    w: [0, 1, 2, 3].map(() => rng.rounded(-0.5, 0.5, 1)),
    b: rng.rounded(-0.5, 0.5, 1),
  }),
  display: (p) => ({ X: latexMatrix(p.X), Y: latexRow(p.Y), w: latexRow(p.w), b: formatNumber(p.b) }),
};
