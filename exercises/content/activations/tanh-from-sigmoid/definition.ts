import { defineExercise } from '../../../src/definition';
import { scaledSigmoid, solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'tanh-from-sigmoid',
  title: 'tanh is a scaled sigmoid',
  topic: 'activations',
  order: 30,
  points: 1,
  summary: 'Verify tanh(x) = 2σ(2x) − 1 numerically.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'sigma_2x', label: '$\\sigma(2x)$', plausible: { min: 0, max: 1, open: true } },
    {
      name: 'scaled_sigmoid',
      label: '$2\\sigma(2x) - 1$',
      plausible: { min: -1, max: 1 },
      derive: { from: ['sigma_2x'], compute: (_p, u) => scaledSigmoid(u.sigma_2x!) },
    },
    { name: 'tanh_x', label: '$\\tanh(x)$', plausible: { min: -1, max: 1 } },
  ],
  solve,
});
