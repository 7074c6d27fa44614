import { studyHoursTable } from '../../../src/datasets/tables';
import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export interface MinibatchParams extends Record<string, unknown> {
  /** Quiz scores and exam scores (fractions), in table order. */
  x: number[];
  y: number[];
  /** Row indices (0-based) of the two batches, in the order they are used. */
  batches: [number[], number[]];
  w: number;
  b: number;
  lr: number;
}

const x = studyHoursTable.rows.map((r) => r[3]);
const y = studyHoursTable.rows.map((r) => r[4]);

/** The two updates in float64 (variant screening only; the reference is reference.ts). */
function parametersAfterEachBatch(p: MinibatchParams): number[] {
  const step = (w: number, b: number, rows: number[]) => {
    const residual = (i: number) => w * p.x[i]! + b - p.y[i]!;
    const dw = rows.reduce((s, i) => s + 2 * residual(i) * p.x[i]!, 0) / rows.length;
    const db = rows.reduce((s, i) => s + 2 * residual(i), 0) / rows.length;
    return [w - p.lr * dw, b - p.lr * db] as const;
  };
  const [w1, b1] = step(p.w, p.b, p.batches[0]);
  const [w2, b2] = step(w1, b1, p.batches[1]);
  return [w1, b1, w2, b2];
}

export const variants: Variants<MinibatchParams> = {
  // The notes show the table split into batches without numbers; rows in table order, starting from w = b = 0.
  canonical: {
    x,
    y,
    batches: [
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ],
    w: 0,
    b: 0,
    lr: 0.5,
  },
  generate: (rng) => {
    for (;;) {
      const order = [0, 1, 2, 3, 4, 5, 6, 7];
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const p: MinibatchParams = {
        x,
        y,
        batches: [order.slice(0, 4).sort(), order.slice(4).sort()],
        w: rng.rounded(-0.5, 1, 1),
        b: rng.rounded(-0.3, 0.5, 1),
        lr: rng.pick([0.1, 0.25, 0.5]),
      };
      // A parameter that lands within 1e-3 of 0 is a difference of terms near 1, which float32 (tfjs) cannot give to
      // 3 significant figures (seen: 4.10e-6 for 4.06e-6): draw again.
      if (parametersAfterEachBatch(p).every((v) => Math.abs(v) >= 1e-3)) return p;
    }
  },
  display: (p) => ({
    xRow: p.x.map((v) => formatNumber(v)).join(' | '),
    yRow: p.y.map((v) => formatNumber(v)).join(' | '),
    batch1: p.batches[0].map((i) => i + 1).join(', '),
    batch2: p.batches[1].map((i) => i + 1).join(', '),
    w: formatNumber(p.w),
    b: formatNumber(p.b),
    lr: formatNumber(p.lr),
  }),
};
