import type { ActivationParams } from './variants';
import { checkNumericExercise, sigmoid } from '../../../test/helpers';

// The notes print no numbers for this one; the canonical values below were computed by hand (4 decimals).
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
