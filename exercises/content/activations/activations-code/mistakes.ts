import type { Mistake } from '../../../src/definition';
import type { ActivationKind, ActivationResult } from './reference';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Plain float64 activations and derivatives. */
function activateFloat64(name: ActivationKind, z: number[], alpha: number): ActivationResult {
  switch (name) {
    case 'sigmoid':
      return { value: z.map(sigmoid), derivative: z.map((v) => sigmoid(v) * (1 - sigmoid(v))) };
    case 'tanh':
      return { value: z.map(Math.tanh), derivative: z.map((v) => 1 - Math.tanh(v) ** 2) };
    case 'relu':
      return { value: z.map((v) => Math.max(0, v)), derivative: z.map((v) => (v > 0 ? 1 : 0)) };
    case 'leaky-relu':
      return { value: z.map((v) => (v > 0 ? v : alpha * v)), derivative: z.map((v) => (v > 0 ? 1 : alpha)) };
    case 'softplus':
      return { value: z.map((v) => Math.log1p(Math.exp(v))), derivative: z.map(sigmoid) };
    case 'softmax': {
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((s, v) => s + v, 0);
      const y = e.map((v) => v / sum);
      return { value: y, derivative: y.map((p) => p * (1 - p)) };
    }
  }
}

export const mistakes: Mistake[] = [
  {
    id: 'output-activation-not-applied',
    message: 'Your values are z itself (and the derivatives 1): apply the activation function h(z).',
    solve: (_name: ActivationKind, z: number[]) => ({ value: z.slice(), derivative: z.map(() => 1) }),
  },
  {
    id: 'sign-flipped',
    message: 'Your derivatives have the wrong sign: these activations are increasing, so h′(z) ≥ 0 everywhere.',
    solve: (name: ActivationKind, z: number[], alpha: number) => {
      const right = activateFloat64(name, z, alpha);
      return { value: right.value, derivative: right.derivative.map((d) => -d) };
    },
  },
];
