import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'perceptron-forward',
  title: 'A perceptron’s output',
  topic: 'forward-pass',
  order: 10,
  points: 1,
  summary: 'Forward pass of a single sigmoid perceptron.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    {
      name: 'y_hat',
      label: '$\\hat{y}$',
      hint: 'Compute z = w₀ + xᵀW first, then apply the sigmoid.',
      plausible: { min: 0, max: 1 },
    },
  ],
  solve,
});
