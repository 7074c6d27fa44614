import type { Variants } from '../../../src/definition';
import { latexColumn, latexMatrix } from '../../../src/format';

export interface ForwardPassParams extends Record<string, unknown> {
  x: number[];
  W2: number[][];
  b2: number[];
  W3: number[][];
  b3: number[];
}

const tenth = (rng: { rounded(min: number, max: number, d: number): number }) => rng.rounded(-1, 1, 1);

export const variants: Variants<ForwardPassParams> = {
  canonical: {
    x: [3, 0, 1],
    W2: [
      [0.1, 0.2, 0.6],
      [0.4, 0.3, 0.1],
    ],
    b2: [0.4, 0.2],
    W3: [
      [0.2, 0.1],
      [0.1, 0.4],
    ],
    b3: [0.6, 0.3],
  },
  generate: (rng) => ({
    x: [rng.int(-3, 3), rng.int(-3, 3), rng.int(-3, 3)],
    W2: [0, 1].map(() => [0, 1, 2].map(() => tenth(rng))),
    b2: [tenth(rng), tenth(rng)],
    W3: [0, 1].map(() => [0, 1].map(() => tenth(rng))),
    b3: [tenth(rng), tenth(rng)],
  }),
  display: (p) => ({
    x: latexColumn(p.x),
    W2: latexMatrix(p.W2),
    b2: latexColumn(p.b2),
    W3: latexMatrix(p.W3),
    b3: latexColumn(p.b3),
  }),
};
