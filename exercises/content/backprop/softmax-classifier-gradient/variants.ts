import type { Variants } from '../../../src/definition';
import { latexColumn, latexMatrix } from '../../../src/format';

export interface SoftmaxClassifierParams extends Record<string, unknown> {
  W: number[][];
  b: number[];
  x: number[];
  t: number[];
}

export const variants: Variants<SoftmaxClassifierParams> = {
  // The notes give the formula only; these numbers are ours.
  canonical: {
    W: [
      [0.2, -0.5],
      [1.5, 1.3],
      [0, 0.25],
    ],
    b: [0.1, -0.2, 0.3],
    x: [1, 2],
    t: [0, 0, 1],
  },
  generate: (rng) => {
    const k = rng.int(0, 2);
    let x = [0, 0];
    while (x.includes(0)) x = [rng.rounded(-2, 2, 1), rng.rounded(-2, 2, 1)];
    return {
      W: [0, 1, 2].map(() => [rng.rounded(-1.5, 1.5, 1), rng.rounded(-1.5, 1.5, 1)]),
      b: [0, 1, 2].map(() => rng.rounded(-0.5, 0.5, 1)),
      x,
      t: [0, 1, 2].map((i) => (i === k ? 1 : 0)),
    };
  },
  display: (p) => ({ W: latexMatrix(p.W), b: latexColumn(p.b), x: latexColumn(p.x), t: latexColumn(p.t) }),
};
