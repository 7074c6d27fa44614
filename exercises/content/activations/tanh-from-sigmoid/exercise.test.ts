import type { TanhParams } from './variants';
import { checkNumericExercise, sigmoid } from '../../../test/helpers';

// The notes print no numbers for this one; the canonical values below were computed by hand (4 decimals).
checkNumericExercise<TanhParams>('tanh-from-sigmoid', {
  printedSource: 'hand-computed values at x = 0.5',
  printed: { sigma_2x: '0.7311', scaled_sigmoid: '0.4621', tanh_x: '0.4621' },
  float64: ({ x }) => ({ sigma_2x: sigmoid(2 * x), scaled_sigmoid: 2 * sigmoid(2 * x) - 1, tanh_x: Math.tanh(x) }),
});
