import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

// ReLU and leaky ReLU can be exactly 0 or tiny: an absolute floor of 1e-6 is fine at 3 figures of ≥ 1e-3.
export default defineExercise({
  slug: 'activation-values',
  title: 'Activation functions at a point',
  topic: 'activations',
  order: 10,
  points: 2,
  summary: 'Sigmoid, tanh, ReLU, leaky ReLU and softplus of one number.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    { name: 'sigmoid', label: '$\\sigma(z)$', plausible: { min: 0, max: 1 } },
    { name: 'tanh', label: '$\\tanh(z)$', plausible: { min: -1, max: 1 } },
    { name: 'relu', label: '$\\mathrm{ReLU}(z)$', plausible: { min: 0, max: 10 } },
    { name: 'leaky_relu', label: 'leaky $\\mathrm{ReLU}(z)$', plausible: { min: -10, max: 10 } },
    { name: 'softplus', label: '$\\mathrm{softplus}(z)$', plausible: { min: 0, max: 10 } },
  ],
  solve,
});
