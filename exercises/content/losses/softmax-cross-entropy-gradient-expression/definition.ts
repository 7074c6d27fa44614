import { defineExercise } from '../../../src/definition';
import { softmaxCrossEntropyGradient } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'softmax-cross-entropy-gradient-expression',
  title: 'Softmax with cross-entropy: the gradient at a logit',
  topic: 'losses',
  order: 35,
  points: 3,
  summary: '∂L/∂z₁ for three classes, in terms of the logits and y₁: ŷ₁ − y₁.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dL_dz1',
      label: '$\\partial L / \\partial z_1$',
      variables: [
        { name: 'z1', min: -3, max: 3 },
        { name: 'z2', min: -3, max: 3 },
        { name: 'z3', min: -3, max: 3 },
        { name: 'y1', min: 0, max: 1 },
      ],
      functions: ['exp', 'log'],
      answer: 'exp(z1)/(exp(z1) + exp(z2) + exp(z3)) - y1',
      reference: softmaxCrossEntropyGradient,
      showDifference: true,
      mistakes: [
        {
          id: 'sign-flipped',
          expression: 'y1 - exp(z1)/(exp(z1) + exp(z2) + exp(z3))',
          message: 'The sign is flipped: ∂L/∂z₁ = ŷ₁ − y₁.',
        },
        {
          id: 'target-missing',
          expression: 'exp(z1)/(exp(z1) + exp(z2) + exp(z3))',
          message: 'That is ŷ₁ alone: the target’s −y₁ is missing.',
        },
        {
          id: 'softmax-diagonal-only',
          expression: 'exp(z1)/(exp(z1) + exp(z2) + exp(z3))*(1 - exp(z1)/(exp(z1) + exp(z2) + exp(z3)))',
          message: 'That is ∂ŷ₁/∂z₁ only: the loss depends on z₁ through every ŷₖ, and the sum collapses to ŷ₁ − y₁.',
        },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
