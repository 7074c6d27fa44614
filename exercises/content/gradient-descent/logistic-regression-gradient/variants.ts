import type { Variants } from '../../../src/definition';
import { formatNumber, latexMatrix, latexRow } from '../../../src/format';

export interface LogisticParams extends Record<string, unknown> {
  /** 4 features × 3 examples (examples are columns). */
  X: number[][];
  Y: number[];
  w: number[];
  b: number;
}

/** ∂J/∂w and ∂J/∂b in float64 (variant screening only; the reference is reference.ts). */
function gradient(p: LogisticParams): number[] {
  const error = [0, 1, 2].map((i) => 1 / (1 + Math.exp(-p.X.reduce((s, row, k) => s + p.w[k]! * row[i]!, p.b))) - p.Y[i]!);
  return [...p.X.map((row) => row.reduce((s, x, i) => s + x * error[i]!, 0)), error.reduce((s, e) => s + e, 0)];
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
  generate: (rng) => {
    for (;;) {
      const p: LogisticParams = {
        X: [0, 1, 2, 3].map(() => [0, 1, 2].map(() => rng.rounded(-2, 2, 1))),
        Y: [rng.int(0, 1), rng.int(0, 1), rng.int(0, 1)],
        w: [0, 1, 2, 3].map(() => rng.rounded(-0.5, 0.5, 1)),
        b: rng.rounded(-0.5, 0.5, 1),
      };
      // A gradient whose three terms (almost) cancel is float32 noise in the 3rd figure (seen: 1.454e-5 for
      // 1.445e-5, and −1.5e-8 for an exact 0): draw again.
      if (gradient(p).every((g) => Math.abs(g) >= 1e-3)) return p;
    }
  },
  display: (p) => ({ X: latexMatrix(p.X), Y: latexRow(p.Y), w: latexRow(p.w), b: formatNumber(p.b) }),
};
