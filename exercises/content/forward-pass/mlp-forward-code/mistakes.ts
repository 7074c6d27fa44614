import type { Mistake } from '../../../src/definition';
import type { Layer } from '../../../src/networks';

type Options = { transposed?: boolean; noBias?: boolean; noOutputActivation?: boolean };

/** Plain float64 forward pass with one deliberate mistake switched on. */
function wrongForward(x: number[], layers: Layer[], options: Options): number[] {
  let a = x;
  layers.forEach((layer, l) => {
    const rows = options.transposed ? (layer.W[0] ?? []).map((_, j) => layer.W.map((row) => row[j]!)) : layer.W;
    const z = rows.map((row, i) => row.reduce((s, w, j) => s + w * (a[j] ?? NaN), options.noBias ? 0 : (layer.b[i] ?? NaN)));
    if (options.noOutputActivation && l === layers.length - 1) {
      a = z;
      return;
    }
    switch (layer.activation) {
      case 'linear':
        a = z;
        break;
      case 'sigmoid':
        a = z.map((v) => 1 / (1 + Math.exp(-v)));
        break;
      case 'tanh':
        a = z.map(Math.tanh);
        break;
      case 'relu':
        a = z.map((v) => Math.max(0, v));
        break;
      case 'softmax': {
        const max = Math.max(...z);
        const e = z.map((v) => Math.exp(v - max));
        const sum = e.reduce((s, v) => s + v, 0);
        a = e.map((v) => v / sum);
      }
    }
  });
  return a;
}

export const mistakes: Mistake[] = [
  {
    id: 'transposed-matrix',
    message: 'Your result matches using Wᵀ instead of W: W[i][j] is the weight from input j to neuron i, so z_i = Σ_j W[i][j]·a_j.',
    solve: (x: number[], layers: Layer[]) => wrongForward(x, layers, { transposed: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your result matches a forward pass without the biases: z = W·a + b.',
    solve: (x: number[], layers: Layer[]) => wrongForward(x, layers, { noBias: true }),
  },
  {
    id: 'output-activation-not-applied',
    message: 'Your result matches the pre-activations z of the last layer: apply the output layer’s activation too.',
    solve: (x: number[], layers: Layer[]) => wrongForward(x, layers, { noOutputActivation: true }),
  },
];
