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

export const variants: Variants<MinibatchParams> = {
  // The notes show the table split into batches without numbers; rows in table order, starting from w = b = 0.
  canonical: { x, y, batches: [[0, 1, 2, 3], [4, 5, 6, 7]], w: 0, b: 0, lr: 0.5 },
  generate: (rng) => {
    const order = [0, 1, 2, 3, 4, 5, 6, 7];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return {
      x,
      y,
      batches: [order.slice(0, 4).sort(), order.slice(4).sort()],
      w: rng.rounded(-0.5, 1, 1),
      b: rng.rounded(-0.3, 0.5, 1),
      lr: rng.pick([0.1, 0.25, 0.5]),
    };
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
