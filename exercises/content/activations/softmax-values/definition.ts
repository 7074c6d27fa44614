import { defineExercise } from '../../../src/definition';
import { solve, sumOf } from './reference';
import { variants } from './variants';

const probability = { min: 0, max: 1, open: true };

export default defineExercise({
  slug: 'softmax-values',
  title: 'Softmax of three logits',
  topic: 'activations',
  order: 40,
  points: 1,
  summary: 'Turn three scores into probabilities with the softmax.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'y_1', label: '$\\sigma(x_1)$', plausible: probability },
    { name: 'y_2', label: '$\\sigma(x_2)$', plausible: probability },
    { name: 'y_3', label: '$\\sigma(x_3)$', plausible: probability },
    {
      name: 'sum',
      label: '$\\sum_j \\sigma(x_j)$',
      plausible: { min: 0, max: 3 },
      derive: { from: ['y_1', 'y_2', 'y_3'], compute: (_p, u) => sumOf([u.y_1!, u.y_2!, u.y_3!]) },
    },
  ],
  solve,
});
