import { defineExercise } from '../../../src/definition';
import { tanhDerivative } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'tanh-derivative-expression',
  title: 'The derivative of tanh, as a formula',
  topic: 'activations',
  order: 24,
  points: 2,
  summary: 'tanh′(z) in terms of z (tanh allowed): 1 − tanh²(z).',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dtanh_dz',
      label: "$\\tanh'(z)$",
      variables: [{ name: 'z', min: -3, max: 3 }],
      functions: ['tanh', 'exp'],
      answer: '1 - tanh(z)^2',
      reference: tanhDerivative,
      mistakes: [
        { id: 'square-missing', expression: '1 - tanh(z)', message: 'Square the tanh: tanh′(z) = 1 − tanh²(z).' },
        {
          id: 'sigmoid-pattern',
          expression: 'tanh(z)*(1 - tanh(z))',
          message: 'That is the sigmoid’s pattern σ(1 − σ); tanh′ is 1 − tanh².',
        },
        { id: 'sign-flipped', expression: 'tanh(z)^2 - 1', message: 'The sign is flipped: tanh is increasing, so tanh′(z) > 0.' },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
