import type { Mistake } from '../../../src/definition';
import type { EpochResult } from './reference';

type Options = { ascent?: boolean; divideByN?: boolean; frozenBias?: boolean };

/** Plain float64 epoch with one deliberate mistake switched on. */
function wrongEpoch(w: number[], b: number, X: number[][], y: number[], lr: number, batchSize: number, options: Options): EpochResult {
  let weights = w.slice();
  let bias = b;
  const losses: number[] = [];
  for (let start = 0; start < X.length; start += batchSize) {
    const rows = X.slice(start, start + batchSize);
    const m = options.divideByN ? X.length : rows.length;
    const r = rows.map((row, i) => row.reduce((s, v, j) => s + v * weights[j]!, bias) - y[start + i]!);
    losses.push(r.reduce((s, v) => s + v * v, 0) / rows.length);
    const gw = weights.map((_, j) => (2 / m) * rows.reduce((s, row, i) => s + r[i]! * row[j]!, 0));
    const gb = (2 / m) * r.reduce((s, v) => s + v, 0);
    const step = options.ascent ? -lr : lr;
    weights = weights.map((v, j) => v - step * gw[j]!);
    if (!options.frozenBias) bias -= step * gb;
  }
  return { w: weights, b: bias, losses };
}

type Args = [number[], number, number[][], number[], number, number];

export const mistakes: Mistake[] = [
  {
    id: 'sign-flipped',
    message: 'Your weights move uphill: the update is w ← w − α∇J (minus), and ∇J uses ŷ − y.',
    solve: (...args: Args) => wrongEpoch(...args, { ascent: true }),
  },
  {
    id: 'scaled-by-1-over-n',
    message: 'Your steps are too small: average the gradient over the B rows of the mini-batch, not over all n rows.',
    solve: (...args: Args) => wrongEpoch(...args, { divideByN: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your bias never changes: b needs its own update, b ← b − α ∂J/∂b.',
    solve: (...args: Args) => wrongEpoch(...args, { frozenBias: true }),
  },
];
