import type { Mistake } from '../../../src/definition';
import type { XorNetwork, XorTraining } from './reference';

type Options = { ascent?: boolean; noHiddenDerivative?: boolean; noOutputDerivative?: boolean; frozenBiases?: boolean };

const inputs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const targets = [0, 1, 1, 0];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Plain float64 XOR training with one deliberate mistake switched on (also the tests' float64 reference). */
function trainXorFloat64(net: XorNetwork, lr: number, epochs: number, options: Options = {}): XorTraining {
  const W1 = net.W1.map((r) => r.slice());
  const b1 = net.b1.slice();
  const v = net.W2[0]!.slice();
  let c = net.b2[0]!;
  const forward = (x: number[]) => {
    const h = W1.map((row, i) => sigmoid(row[0]! * x[0]! + row[1]! * x[1]! + b1[i]!));
    return { h, y: sigmoid(h.reduce((s, hi, i) => s + v[i]! * hi, c)) };
  };
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gW1 = W1.map((r) => r.map(() => 0));
    const gb1 = b1.map(() => 0);
    const gv = v.map(() => 0);
    let gc = 0;
    let loss = 0;
    inputs.forEach((x, n) => {
      const { h, y } = forward(x);
      loss += (y - targets[n]!) ** 2 / inputs.length;
      const dOut = (2 / inputs.length) * (y - targets[n]!) * (options.noOutputDerivative ? 1 : y * (1 - y));
      gc += dOut;
      h.forEach((hi, i) => {
        gv[i]! += dOut * hi;
        const dHidden = dOut * v[i]! * (options.noHiddenDerivative ? 1 : hi * (1 - hi));
        gb1[i]! += dHidden;
        gW1[i]![0]! += dHidden * x[0]!;
        gW1[i]![1]! += dHidden * x[1]!;
      });
    });
    losses.push(loss);
    const step = options.ascent ? -lr : lr;
    W1.forEach((row, i) => row.forEach((_, j) => (row[j]! -= step * gW1[i]![j]!)));
    v.forEach((_, i) => (v[i]! -= step * gv[i]!));
    if (!options.frozenBiases) {
      b1.forEach((_, i) => (b1[i]! -= step * gb1[i]!));
      c -= step * gc;
    }
  }
  return { losses, predictions: inputs.map((x) => forward(x).y) };
}

export const mistakes: Mistake[] = [
  {
    id: 'sign-flipped',
    message: 'Your loss goes up: you step along the gradient (w + α∇J) instead of against it (w − α∇J), or ∂J/∂y has the wrong sign.',
    solve: (net: XorNetwork, lr: number, epochs: number) => trainXorFloat64(net, lr, epochs, { ascent: true }),
  },
  {
    id: 'missing-output-activation-derivative',
    message: 'Your result matches δ_out = ∂J/∂y without the sigmoid’s derivative y(1 − y).',
    solve: (net: XorNetwork, lr: number, epochs: number) => trainXorFloat64(net, lr, epochs, { noOutputDerivative: true }),
  },
  {
    id: 'missing-hidden-activation-derivative',
    message: 'Your hidden deltas miss the factor h(1 − h) of the hidden sigmoid.',
    solve: (net: XorNetwork, lr: number, epochs: number) => trainXorFloat64(net, lr, epochs, { noHiddenDerivative: true }),
  },
  {
    id: 'bias-ignored',
    message: 'Your result matches training without updating the biases b1 and b2: they need gradient steps too.',
    solve: (net: XorNetwork, lr: number, epochs: number) => trainXorFloat64(net, lr, epochs, { frozenBiases: true }),
  },
];
