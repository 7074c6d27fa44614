import { defineExercise } from '../../../src/definition';
import { logisticGradient } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'logistic-regression-gradient-expression',
  title: 'The logistic-regression gradient, as a formula',
  topic: 'gradient-descent',
  order: 22,
  points: 2,
  summary: '∂L/∂w₁ for one example of logistic regression with two inputs: (σ(w·x + b) − y)·x₁.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dL_dw1',
      label: '$\\partial L / \\partial w_1$',
      variables: [
        { name: 'w1', min: -2, max: 2 },
        { name: 'w2', min: -2, max: 2 },
        { name: 'b', min: -1, max: 1 },
        { name: 'x1', min: 0.2, max: 2 },
        { name: 'x2', min: -2, max: 2 },
        { name: 'y', min: 0, max: 1 },
      ],
      functions: ['sigma', 'exp', 'log'],
      answer: '(sigma(w1*x1 + w2*x2 + b) - y)*x1',
      reference: logisticGradient,
      mistakes: [
        { id: 'missing-input', expression: 'sigma(w1*x1 + w2*x2 + b) - y', message: 'That is ∂L/∂z: multiply by ∂z/∂w1 = x1.' },
        { id: 'sign-flipped', expression: '(y - sigma(w1*x1 + w2*x2 + b))*x1', message: 'The sign is flipped: ∂L/∂z = ŷ − y.' },
        {
          id: 'sigma-derivative-twice',
          expression: '(sigma(w1*x1 + w2*x2 + b) - y)*sigma(w1*x1 + w2*x2 + b)*(1 - sigma(w1*x1 + w2*x2 + b))*x1',
          message: 'σ′ is already accounted for: with cross-entropy, ∂L/∂z = ŷ − y.',
        },
        { id: 'wrong-input', expression: '(sigma(w1*x1 + w2*x2 + b) - y)*x2', message: 'w1 multiplies x1, so ∂z/∂w1 = x1, not x2.' },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
