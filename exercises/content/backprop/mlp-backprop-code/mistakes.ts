import type { Mistake } from '../../../src/definition';
import type { Layer } from '../../../src/networks';

type Gradients = { dW: number[][][]; db: number[][] };
type Options = {
  transposed?: boolean;
  noOutputDerivative?: boolean;
  noHiddenDerivative?: boolean;
  noBias?: boolean;
};

function activate(z: number[], activation: Layer['activation']): number[] {
  switch (activation) {
    case 'sigmoid':
      return z.map((v) => 1 / (1 + Math.exp(-v)));
    case 'tanh':
      return z.map(Math.tanh);
    case 'relu':
      return z.map((v) => Math.max(0, v));
    case 'softmax': {
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((s, v) => s + v, 0);
      return e.map((v) => v / sum);
    }
    default:
      return z;
  }
}

function derivative(z: number, a: number, activation: Layer['activation']): number {
  if (activation === 'sigmoid') return a * (1 - a);
  if (activation === 'tanh') return 1 - a * a;
  if (activation === 'relu') return z > 0 ? 1 : 0;
  return 1;
}

/** Plain float64 backprop with one deliberate mistake switched on. */
function wrongBackprop(x: number[], target: number[], layers: Layer[], options: Options): Gradients {
  const as: number[][] = [x];
  const zs: number[][] = [];
  for (const layer of layers) {
    const a = as[as.length - 1]!;
    const z = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * (a[j] ?? NaN), options.noBias ? 0 : layer.b[i]!));
    zs.push(z);
    as.push(activate(z, layer.activation));
  }
  const L = layers.length;
  const last = layers[L - 1]!;
  let delta = as[L]!.map((a, k) =>
    last.activation === 'softmax' || options.noOutputDerivative
      ? a - target[k]!
      : (a - target[k]!) * derivative(zs[L - 1]![k]!, a, last.activation),
  );
  const dW: number[][][] = [];
  const db: number[][] = [];
  for (let l = L - 1; l >= 0; l--) {
    const aPrev = as[l]!;
    dW[l] = delta.map((d) => aPrev.map((a) => d * a));
    db[l] = delta.slice();
    if (l > 0) {
      const W = layers[l]!.W;
      const below = layers[l - 1]!;
      delta = aPrev.map((a, j) => {
        // Transposed: uses W[j][i] (rows and columns swapped), which only has the right shape for square layers.
        const back = delta.reduce((s, d, i) => s + (options.transposed ? (W[j]?.[i] ?? NaN) : W[i]![j]!) * d, 0);
        return options.noHiddenDerivative ? back : back * derivative(zs[l - 1]![j]!, a, below.activation);
      });
    }
  }
  return { dW, db };
}

const correct = (x: number[], t: number[], layers: Layer[]) => wrongBackprop(x, t, layers, {});
const scale = (g: Gradients, k: number): Gradients => ({
  dW: g.dW.map((m) => m.map((r) => r.map((v) => v * k))),
  db: g.db.map((r) => r.map((v) => v * k)),
});

export const mistakes: Mistake[] = [
  {
    id: 'sign-flipped',
    message: 'Your gradients have the opposite sign: ∂E/∂a(L) is a − t, not t − a.',
    solve: (x: number[], t: number[], layers: Layer[]) => scale(correct(x, t, layers), -1),
  },
  {
    id: 'scaled-by-2',
    message: 'Your gradients are twice the reference: the ½ in E = ½‖t − a‖² cancels the 2 from the square.',
    solve: (x: number[], t: number[], layers: Layer[]) => scale(correct(x, t, layers), 2),
  },
  {
    id: 'missing-output-activation-derivative',
    message: 'Your result matches δ(L) = a − t without the factor h′(z(L)) of the output activation.',
    solve: (x: number[], t: number[], layers: Layer[]) => wrongBackprop(x, t, layers, { noOutputDerivative: true }),
  },
  {
    id: 'missing-hidden-activation-derivative',
    message: 'Your hidden-layer deltas miss the factor h′(z(l)): δ(l) = h′(z(l)) ⊙ W(l+1)ᵀ δ(l+1).',
    solve: (x: number[], t: number[], layers: Layer[]) => wrongBackprop(x, t, layers, { noHiddenDerivative: true }),
  },
  {
    id: 'transposed-matrix',
    message: 'Your result matches propagating δ with W(l+1) instead of its transpose W(l+1)ᵀ.',
    solve: (x: number[], t: number[], layers: Layer[]) => wrongBackprop(x, t, layers, { transposed: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your result matches a forward pass without the biases: z = W·a + b.',
    solve: (x: number[], t: number[], layers: Layer[]) => wrongBackprop(x, t, layers, { noBias: true }),
  },
  {
    id: 'only-last-layer-right',
    message: 'Only your last layer’s gradients are right: check how δ travels back through the hidden layers.',
    // Stands for "earlier layers wrong": the grader recognises it when only dW[L-1], db[L-1] match.
    solve: (x: number[], t: number[], layers: Layer[]) => {
      const g = correct(x, t, layers);
      return {
        dW: g.dW.map((m, l) => (l === layers.length - 1 ? m : m.map((r) => r.map(() => 0)))),
        db: g.db.map((r, l) => (l === layers.length - 1 ? r : r.map(() => 0))),
      };
    },
  },
];
