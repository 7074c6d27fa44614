import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('tanh-as-sigmoid-expression', {
  float64: { tanh_z: ({ z }) => Math.tanh(z!) },
  equivalent: { tanh_z: ['sigma(2z) - sigma(-2z)', '2σ(2z) − 1', '1 - 2*sigma(-2*z)', '(2*sigma(2*z) - 1)'] },
  wrong: { tanh_z: ['2*sigma(z) - 1 + 0*z', '2*sigma(2*z) + 1', 'sigma(z) - sigma(-z)'] },
});
