import type { Variants } from '../../../src/definition';
import { latexColumn, latexMatrix } from '../../../src/format';

export interface DeltasParams extends Record<string, unknown> {
  W1: number[][];
  W2: number[][];
  W3: number[][];
  x: number[];
  t: number[];
}

const matVec = (W: number[][], v: number[]) => W.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
const relu = (v: number[]) => v.map((a) => Math.max(0, a));

/** Pre-activations a(1), a(2) (case generation only: keeps every unit clear of ReLU's kink at 0). */
function preActivations(p: DeltasParams): number[] {
  const a1 = matVec(p.W1, p.x);
  const a2 = matVec(p.W2, relu(a1));
  return [...a1, ...a2];
}

export const variants: Variants<DeltasParams> = {
  // The notes give the recursion, not numbers; in this network one unit of the first layer is inactive (a < 0).
  canonical: {
    W1: [
      [0.5, -0.4],
      [-0.3, 0.8],
    ],
    W2: [
      [0.7, -0.2],
      [0.4, 0.6],
    ],
    W3: [
      [0.9, -0.5],
      [-0.6, 0.3],
    ],
    x: [1, 2],
    t: [0, 1],
  },
  generate: (rng) => {
    const matrix = () => [0, 1].map(() => [rng.rounded(-1, 1, 1), rng.rounded(-1, 1, 1)]);
    for (;;) {
      const k = rng.int(0, 1);
      const p: DeltasParams = {
        W1: matrix(),
        W2: matrix(),
        W3: matrix(),
        x: [rng.int(-2, 3), rng.int(-2, 3)],
        t: [0, 1].map((i) => (i === k ? 1 : 0)),
      };
      const a = preActivations(p);
      // Away from the kink, and at least one active unit in each hidden layer so the deltas are not all 0.
      if (a.every((v) => Math.abs(v) > 0.05) && (a[0]! > 0 || a[1]! > 0) && (a[2]! > 0 || a[3]! > 0)) return p;
    }
  },
  display: (p) => ({ W1: latexMatrix(p.W1), W2: latexMatrix(p.W2), W3: latexMatrix(p.W3), x: latexColumn(p.x), t: latexColumn(p.t) }),
};
