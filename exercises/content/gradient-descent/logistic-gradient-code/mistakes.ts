import type { Mistake } from '../../../src/definition';
import type { LogisticGradient } from './reference';

type Options = { flipped?: boolean; mean?: boolean; noBias?: boolean };

/** Plain float64 (A − Y)Xᵀ with one deliberate mistake switched on. */
function wrongGradient(X: number[][], Y: number[], w: number[], b: number, options: Options): LogisticGradient {
  const m = Y.length;
  const A = Y.map((_, i) => 1 / (1 + Math.exp(-X.reduce((s, row, j) => s + w[j]! * row[i]!, options.noBias ? 0 : b))));
  const scale = (options.flipped ? -1 : 1) / (options.mean ? m : 1);
  const error = A.map((a, i) => scale * (a - Y[i]!));
  return { dw: X.map((row) => row.reduce((s, x, i) => s + error[i]! * x, 0)), db: error.reduce((s, e) => s + e, 0) };
}

type Args = [number[][], number[], number[], number];

export const mistakes: Mistake[] = [
  {
    id: 'sign-flipped',
    message: 'Your gradient has the opposite sign: the error term is A − Y, not Y − A.',
    solve: (...args: Args) => wrongGradient(...args, { flipped: true }),
  },
  {
    id: 'scaled-by-1-over-n',
    message: 'Your gradient is divided by the number of examples m: J here is the sum over the examples, not the mean.',
    solve: (...args: Args) => wrongGradient(...args, { mean: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your result matches activations computed without the bias: z = wᵀX + b.',
    solve: (...args: Args) => wrongGradient(...args, { noBias: true }),
  },
];
