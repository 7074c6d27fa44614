import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('sigmoid-derivative-expression', {
  float64: { dsigma_dz: ({ z }) => Math.exp(-z!) / (1 + Math.exp(-z!)) ** 2 },
  equivalent: {
    dsigma_dz: ['σ(z)σ(-z)', 'exp(-z)/(1+exp(-z))^2', 'sigma(z) - sigma(z)^2', '1/(exp(z/2) + exp(-z/2))^2', 'exp(z)/(1+exp(z))**2'],
  },
  wrong: { dsigma_dz: ['sigma(z)^2', 'sigma(z)*(1 + sigma(z))', 'sigma(-z)', '1/4'] },
});
