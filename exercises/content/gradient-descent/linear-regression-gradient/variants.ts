import { houseFeaturesAndPrices } from '../../../src/datasets/tables';
import type { Variants } from '../../../src/definition';
import { formatNumber, latexColumn } from '../../../src/format';

export interface LinearRegressionParams extends Record<string, unknown> {
  X: number[][];
  y: number[];
  w: number[];
}

const { X, y } = houseFeaturesAndPrices();

/** Residual r₁ and ∇J in float64 (variant screening only; the reference is reference.ts). */
function residualAndGradient(w: number[]): number[] {
  const r = X.map((row, i) => row.reduce((s, x, j) => s + x * w[j]!, 0) - y[i]!);
  return [r[0]!, ...[0, 1, 2].map((j) => 2 * X.reduce((s, row, i) => s + row[j]! * r[i]!, 0))];
}

/**
 * Prices are ~1e5, so float32 (tfjs) leaves up to ~0.005 of error in r₁, 0.04 in (∇J)₁, 1.5 in (∇J)₂ and 36 in (∇J)₃
 * (measured over every w the generator can draw). 3 significant figures of a value v allow at least 5.1e-4·|v|, so
 * each value must be ~2000× its float32 error; the few w that make one smaller are drawn again.
 */
const smallestCheckable = [10, 100, 1e4, 1e5];

export const variants: Variants<LinearRegressionParams> = {
  // The notes print the table and the formula, not a w; this one predicts within a few thousand.
  canonical: { X, y, w: [90000, 100, 2] },
  generate: (rng) => {
    for (;;) {
      const w = [rng.int(85, 95) * 1000, rng.int(-20, 20) * 10, rng.int(-10, 10) / 2];
      if (residualAndGradient(w).every((v, i) => Math.abs(v) >= smallestCheckable[i]!)) return { X, y, w };
    }
  },
  display: (p) => ({
    table: p.X.map((row, i) => `| ${i} | ${row.map((v) => formatNumber(v)).join(' | ')} | ${formatNumber(p.y[i]!)} |`).join('\n'),
    w: latexColumn(p.w),
  }),
};
