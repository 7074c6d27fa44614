import { defineExercise } from '../../../src/definition';
import { outputFromSum, solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'linear-neuron-forward',
  title: 'One neuron: weighted sum and activation',
  topic: 'forward-pass',
  order: 5,
  points: 1,
  summary: 'z = wᵀx + b and f(z) for the notes’ four-input neuron.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'z', label: '$z = \\mathbf{w}^\\top\\mathbf{x} + b$', plausible: { min: -20, max: 20 } },
    {
      name: 'y_hat',
      label: '$\\hat{y} = f(z)$',
      plausible: { min: -1, max: 20 },
      derive: { from: ['z'], compute: (p, u) => outputFromSum(p, u.z!) },
    },
  ],
  solve,
});
