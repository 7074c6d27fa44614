import type { Mistake } from '../../../src/definition';
import type { SoftmaxGradient } from './reference';

type Options = { flipped?: boolean; summed?: boolean; noBias?: boolean };

/** Plain float64 (1/B) Σ_s x_j(s)(y_k(s) − t_k(s)) with one deliberate mistake switched on. */
function wrongGradient(W: number[][], b: number[], X: number[][], labels: number[], options: Options): SoftmaxGradient {
  const K = W.length;
  const B = labels.length;
  const dW = W.map((row) => row.map(() => 0));
  const db = b.map(() => 0);
  const scale = (options.flipped ? -1 : 1) / (options.summed ? 1 : B);
  labels.forEach((label, s) => {
    const x = X.map((row) => row[s]!);
    const a = W.map((row, k) => row.reduce((sum, w, j) => sum + w * x[j]!, options.noBias ? 0 : b[k]!));
    const max = Math.max(...a);
    const e = a.map((v) => Math.exp(v - max));
    const total = e.reduce((sum, v) => sum + v, 0);
    for (let k = 0; k < K; k++) {
      const error = scale * (e[k]! / total - (k === label ? 1 : 0));
      db[k]! += error;
      x.forEach((xj, j) => (dW[k]![j]! += error * xj));
    }
  });
  return { dW, db };
}

type Args = [number[][], number[], number[][], number[]];

export const mistakes: Mistake[] = [
  {
    id: 'sign-flipped',
    message: 'Your gradient has the opposite sign: ∂L/∂w_kj = x_j (y_k − t_k), not x_j (t_k − y_k).',
    solve: (...args: Args) => wrongGradient(...args, { flipped: true }),
  },
  {
    id: 'scaled-by-1-over-n',
    message: 'Your gradient is B times too large: L averages over the batch, so the sum over examples is divided by B.',
    solve: (...args: Args) => wrongGradient(...args, { summed: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your result matches logits computed without the biases: a_k = Σ_j w_kj x_j + b_k.',
    solve: (...args: Args) => wrongGradient(...args, { noBias: true }),
  },
];
