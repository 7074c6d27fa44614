import { defineExercise } from '../../../src/definition';
import { variants } from './variants';

export default defineExercise({
  slug: 'tanh-as-sigmoid-expression',
  title: 'tanh written with the sigmoid only',
  topic: 'activations',
  order: 32,
  points: 2,
  summary: 'tanh(z) as an expression that uses σ and nothing else: 2σ(2z) − 1.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'tanh_z',
      label: '$\\tanh z$',
      variables: [{ name: 'z', min: -3, max: 3 }],
      functions: ['sigma'],
      answer: '2*sigma(2*z) - 1',
      // An expression reference: the function itself, which the student may not use.
      reference: 'tanh(z)',
      mistakes: [
        { id: 'argument-not-doubled', expression: '2*sigma(z) - 1', message: 'The argument is doubled too: tanh(z) = 2σ(2z) − 1.' },
        { id: 'not-shifted', expression: '2*sigma(2*z)', message: 'Shift it down by 1: 2σ(2z) lies in (0, 2), tanh in (−1, 1).' },
        { id: 'not-scaled', expression: 'sigma(2*z) - 1', message: 'Scale it by 2: σ(2z) − 1 lies in (−1, 0).' },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
