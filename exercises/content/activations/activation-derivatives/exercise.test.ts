import type { ActivationParams } from '../../activations/activation-values/variants';
import { checkNumericExercise, sigmoid } from '../../../test/helpers';

// The notes print no numbers for this one; the canonical values below were computed by hand (4 decimals).
checkNumericExercise<ActivationParams>('activation-derivatives', {
  printedSource: 'hand-computed derivatives at z = −0.5',
  printed: { d_sigmoid: '0.2350', d_tanh: '0.7864', d_relu: '0', d_leaky_relu: '0.01', d_softplus: '0.3775' },
  float64: ({ z, alpha }) => {
    const s = sigmoid(z);
    const t = Math.tanh(z);
    return { d_sigmoid: s * (1 - s), d_tanh: 1 - t * t, d_relu: z > 0 ? 1 : 0, d_leaky_relu: z > 0 ? 1 : alpha, d_softplus: s };
  },
});
