import type { ActivationParams } from '../../content/activations/activation-values/variants';
import type { SoftmaxParams } from '../../content/activations/softmax-values/variants';
import type { TanhParams } from '../../content/activations/tanh-from-sigmoid/variants';
import { checkNumericExercise, sigmoid } from '../helpers';

// The notes print no numbers for these; the canonical values below were computed by hand (4 decimals).
checkNumericExercise<ActivationParams>('activation-values', {
  printedSource: 'hand-computed values at z = −0.5',
  printed: { sigmoid: '0.3775', tanh: '-0.4621', relu: '0', leaky_relu: '-0.005', softplus: '0.4741' },
  float64: ({ z, alpha }) => ({
    sigmoid: sigmoid(z),
    tanh: (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)),
    relu: Math.max(0, z),
    leaky_relu: z > 0 ? z : alpha * z,
    softplus: Math.log(1 + Math.exp(z)),
  }),
});

checkNumericExercise<ActivationParams>('activation-derivatives', {
  printedSource: 'hand-computed derivatives at z = −0.5',
  printed: { d_sigmoid: '0.2350', d_tanh: '0.7864', d_relu: '0', d_leaky_relu: '0.01', d_softplus: '0.3775' },
  float64: ({ z, alpha }) => {
    const s = sigmoid(z);
    const t = Math.tanh(z);
    return { d_sigmoid: s * (1 - s), d_tanh: 1 - t * t, d_relu: z > 0 ? 1 : 0, d_leaky_relu: z > 0 ? 1 : alpha, d_softplus: s };
  },
});

checkNumericExercise<TanhParams>('tanh-from-sigmoid', {
  printedSource: 'hand-computed values at x = 0.5',
  printed: { sigma_2x: '0.7311', scaled_sigmoid: '0.4621', tanh_x: '0.4621' },
  float64: ({ x }) => ({ sigma_2x: sigmoid(2 * x), scaled_sigmoid: 2 * sigmoid(2 * x) - 1, tanh_x: Math.tanh(x) }),
});

checkNumericExercise<SoftmaxParams>('softmax-values', {
  printedSource: 'hand-computed softmax of [2, 1, 0.1]',
  printed: { y_1: '0.6590', y_2: '0.2424', y_3: '0.0986', sum: '1' },
  float64: ({ logits }) => {
    const e = logits.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    return { y_1: e[0]! / s, y_2: e[1]! / s, y_3: e[2]! / s, sum: 1 };
  },
});
