import { defineExercise } from '../../../src/definition';
import { regularisedGradient } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'l2-regularised-gradient-expression',
  title: 'The L2-regularised gradient, as a formula',
  topic: 'regularisation',
  order: 35,
  points: 2,
  summary: 'd/dw of E(w) + λw², in terms of g = ∂E/∂w, λ and w: g + 2λw.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dJ_dw',
      label: '$\\partial J / \\partial w$',
      variables: [
        { name: 'g', min: -1, max: 1 },
        { name: 'lambda', min: 0.01, max: 0.5 },
        { name: 'w', min: -2, max: 2 },
      ],
      functions: [],
      answer: 'g + 2*lambda*w',
      reference: regularisedGradient,
      mistakes: [
        {
          id: 'factor-2-missing',
          expression: 'g + lambda*w',
          message: 'd/dw λw² = 2λw: the factor 2 is missing (λw is the gradient of (λ/2)w², another convention).',
        },
        { id: 'penalty-not-differentiated', expression: 'g + lambda*w^2', message: 'Differentiate the penalty too: d/dw λw² = 2λw.' },
        { id: 'data-gradient-missing', expression: '2*lambda*w', message: 'The data term’s gradient g is missing.' },
        {
          id: 'sign-flipped',
          expression: 'g - 2*lambda*w',
          message: 'The penalty’s gradient has the sign of w: it pulls w towards 0 in the step.',
        },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
