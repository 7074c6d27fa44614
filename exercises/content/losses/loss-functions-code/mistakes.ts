import type { Mistake } from '../../../src/definition';
import type { LossName } from './reference';

/** Plain float64 losses, as sums (no 1/n) or averaged. */
function float64Loss(name: LossName, y: number[][], t: number[][], average: boolean): number {
  const terms =
    name === 'cce'
      ? y.map((row, i) => -row.reduce((s, p, k) => s + t[i]![k]! * Math.log(p), 0))
      : y.flatMap((row, i) =>
          row.map((p, k) => {
            const target = t[i]![k]!;
            if (name === 'mse') return (target - p) ** 2;
            if (name === 'mae') return Math.abs(target - p);
            return -(target * Math.log(p) + (1 - target) * Math.log(1 - p));
          }),
        );
  const total = terms.reduce((s, v) => s + v, 0);
  return average ? total / terms.length : total;
}

export const mistakes: Mistake[] = [
  {
    id: 'scaled-by-1-over-n',
    message: 'Your loss is a sum, n times too large: J averages over the examples (the 1/n in front of Σ).',
    solve: (name: LossName, y: number[][], t: number[][]) => float64Loss(name, y, t, false),
  },
  {
    id: 'sign-flipped',
    message: 'Your loss is negative: cross-entropy is −Σ t·log y (log of a probability is ≤ 0, so the minus makes J ≥ 0).',
    solve: (name: LossName, y: number[][], t: number[][]) => -float64Loss(name, y, t, true),
  },
];
