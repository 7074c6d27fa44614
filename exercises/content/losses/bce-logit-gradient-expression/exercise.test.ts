import { checkExpressionExercise } from '../../../test/helpers';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

checkExpressionExercise('bce-logit-gradient-expression', {
  float64: { dL_dz: ({ z, y }) => sigmoid(z!) - y! },
  equivalent: { dL_dz: ['1/(1 + exp(-z)) - y', '-(y - sigma(z))', '(1 - y) - sigma(-z)', 'sigma(z)(1-y) - y*sigma(-z)'] },
  wrong: { dL_dz: ['sigma(z) + y', 'sigma(z)*(1 - y)', 'sigma(z - y)'] },
});
