import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('tanh-derivative-expression', {
  float64: { dtanh_dz: ({ z }) => 1 / Math.cosh(z!) ** 2 },
  equivalent: { dtanh_dz: ['1 - tanh(z)*tanh(z)', '4/(exp(z) + exp(-z))^2', '(1 - tanh(z))(1 + tanh(z))', '1-tanh(z)²'] },
  wrong: { dtanh_dz: ['1 + tanh(z)^2', 'tanh(z)^2', '1 - tanh(z^2)'] },
});
