import { houseFeaturesAndPrices } from '../../../src/datasets/tables';
import type { Variants } from '../../../src/definition';
import { formatNumber, latexColumn } from '../../../src/format';

export interface LinearRegressionParams extends Record<string, unknown> {
  X: number[][];
  y: number[];
  w: number[];
}

const { X, y } = houseFeaturesAndPrices();

export const variants: Variants<LinearRegressionParams> = {
  // The notes print the table and the formula, not a w; this one predicts within a few thousand.
  canonical: { X, y, w: [90000, 100, 2] },
  generate: (rng) => ({ X, y, w: [rng.int(85, 95) * 1000, rng.int(-20, 20) * 10, rng.int(-10, 10) / 2] }),
  display: (p) => ({
    table: p.X.map((row, i) => `| ${i} | ${row.map((v) => formatNumber(v)).join(' | ')} | ${formatNumber(p.y[i]!)} |`).join('\n'),
    w: latexColumn(p.w),
  }),
};
