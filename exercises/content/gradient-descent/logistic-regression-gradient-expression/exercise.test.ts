import { checkExpressionExercise } from '../../../test/helpers';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

checkExpressionExercise('logistic-regression-gradient-expression', {
  float64: { dL_dw1: ({ w1, w2, b, x1, x2, y }) => (sigmoid(w1! * x1! + w2! * x2! + b!) - y!) * x1! },
  equivalent: { dL_dw1: ['x1*(1/(1 + exp(-(w1 x1 + w2 x2 + b))) - y)', 'x1 σ(w1 x1 + w2 x2 + b) − y x1'] },
  wrong: { dL_dw1: ['(sigma(w1*x1 + w2*x2) - y)*x1', '(sigma(w1*x1 + w2*x2 + b) - y)*w1'] },
});
