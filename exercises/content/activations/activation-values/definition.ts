import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

// ReLU and leaky ReLU can be exactly 0 (tfjs gives an exact 0 too); the rule's zero reference accepts an exact 0.
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
