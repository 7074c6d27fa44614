import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('softmax-cross-entropy-gradient-expression', {
  float64: {
    dL_dz1: ({ z1, z2, z3, y1 }) => Math.exp(z1!) / (Math.exp(z1!) + Math.exp(z2!) + Math.exp(z3!)) - y1!,
  },
  equivalent: {
    dL_dz1: ['1/(1 + exp(z2 - z1) + exp(z3 - z1)) - y1', 'exp(z1 - log(exp(z1) + exp(z2) + exp(z3))) - y1'],
  },
  wrong: { dL_dz1: ['exp(z1)/(exp(z2) + exp(z3)) - y1', 'exp(z1)/(exp(z1) + exp(z2) + exp(z3)) - 1'] },
});
