import { defineExercise } from '../../../src/definition';
import { bceLogitGradient } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'bce-logit-gradient-expression',
  title: 'Binary cross-entropy through a sigmoid: the gradient at the logit',
  topic: 'losses',
  order: 25,
  points: 2,
  summary: '∂L/∂z for L = BCE(σ(z), y), in terms of z and y: σ(z) − y.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dL_dz',
      label: '$\\partial L / \\partial z$',
      variables: [
        { name: 'z', min: -4, max: 4 },
        { name: 'y', min: 0, max: 1 },
      ],
      functions: ['sigma', 'exp', 'log'],
      answer: 'sigma(z) - y',
      reference: bceLogitGradient,
      mistakes: [
        { id: 'sign-flipped', expression: 'y - sigma(z)', message: 'The sign is flipped: the loss grows with z when σ(z) > y.' },
        {
          id: 'sigma-derivative-twice',
          expression: '(sigma(z) - y)*sigma(z)*(1 - sigma(z))',
          message: 'σ′(z) is already accounted for: ∂L/∂ŷ · σ′(z) = (ŷ − y)/(ŷ(1 − ŷ)) · ŷ(1 − ŷ) = ŷ − y.',
        },
        {
          id: 'stopped-at-output',
          expression: '-y/sigma(z) + (1 - y)/(1 - sigma(z))',
          message: 'That is ∂L/∂ŷ: multiply by σ′(z) to reach the logit.',
        },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
