import type { Mistake } from '../../../src/definition';
import type { LossName, Training, TwoLayerNet } from './reference';

type TrainingOptions = { ascent?: boolean; frozenBiases?: boolean; linearOutput?: boolean };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Plain float64 training with backprop written out, and one deliberate mistake switched on. */
function trainFloat64(
  X: number[][],
  y: number[],
  net: TwoLayerNet,
  lr: number,
  steps: number,
  loss: LossName,
  options: TrainingOptions = {},
): Training {
  const W1 = net.W1.map((r) => r.slice());
  const b1 = net.b1.slice();
  const W2 = net.W2.map((r) => r.slice());
  const b2 = net.b2.slice();
  const n = X.length;
  const H = b1.length;
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const h = X.map((x) => b1.map((b, k) => sigmoid(x.reduce((s, v, j) => s + v * W1[j]![k]!, b))));
    const z = h.map((row) => row.reduce((s, v, k) => s + v * W2[k]![0]!, b2[0]!));
    const p = z.map((v) => (options.linearOutput ? v : sigmoid(v)));
    losses.push(
      p.reduce((s, pi, i) => s + (loss === 'mse' ? (y[i]! - pi) ** 2 : -(y[i]! * Math.log(pi) + (1 - y[i]!) * Math.log(1 - pi))), 0) / n,
    );
    // δ at the output pre-activation: ∂J/∂p · ∂p/∂z
    const dz = p.map((pi, i) => {
      const dp = loss === 'mse' ? (2 * (pi - y[i]!)) / n : (pi - y[i]!) / (pi * (1 - pi) * n);
      return dp * (options.linearOutput ? 1 : pi * (1 - pi));
    });
    const gW2 = Array.from({ length: H }, (_, k) => dz.reduce((s, d, i) => s + d * h[i]![k]!, 0));
    const gb2 = dz.reduce((s, d) => s + d, 0);
    const dz1 = h.map((row, i) => row.map((hk, k) => dz[i]! * W2[k]![0]! * hk * (1 - hk)));
    const gW1 = W1.map((row, j) => row.map((_, k) => dz1.reduce((s, d, i) => s + d[k]! * X[i]![j]!, 0)));
    const gb1 = b1.map((_, k) => dz1.reduce((s, d) => s + d[k]!, 0));
    const rate = options.ascent ? -lr : lr;
    W1.forEach((row, j) => row.forEach((_, k) => (row[k]! -= rate * gW1[j]![k]!)));
    W2.forEach((row, k) => (row[0]! -= rate * gW2[k]!));
    if (!options.frozenBiases) {
      b1.forEach((_, k) => (b1[k]! -= rate * gb1[k]!));
      b2[0]! -= rate * gb2;
    }
  }
  return { net: { W1, b1, W2, b2 }, losses };
}

type Args = [number[][], number[], TwoLayerNet, number, number, LossName];

export const mistakes: Mistake[] = [
  {
    id: 'sign-flipped',
    message: 'Your loss goes up: the update is w.assign(w − lr·grad) (minus), you step along the gradient instead.',
    solve: (...args: Args) => trainFloat64(...args, { ascent: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your biases never change: pass b1 and b2 to tf.variableGrads too (or make them trainable variables) and update them.',
    solve: (...args: Args) => trainFloat64(...args, { frozenBiases: true }),
  },
  {
    id: 'output-activation-not-applied',
    message: 'Your result matches a network without the sigmoid on the output: pred = σ(h·W2 + b2).',
    solve: (...args: Args) => trainFloat64(...args, { linearOutput: true }),
  },
];
