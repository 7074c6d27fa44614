import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'activation-derivatives',
  title: 'Derivatives of the activation functions',
  topic: 'activations',
  order: 20,
  points: 2,
  summary: 'σ′, tanh′, ReLU′, leaky ReLU′ and softplus′ at one point.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    { name: 'd_sigmoid', label: "$\\sigma'(z)$", plausible: { min: 0, max: 0.25 } },
    { name: 'd_tanh', label: "$\\tanh'(z)$", plausible: { min: 0, max: 1 } },
    { name: 'd_relu', label: "$\\mathrm{ReLU}'(z)$", plausible: { min: 0, max: 1 } },
    { name: 'd_leaky_relu', label: "leaky $\\mathrm{ReLU}'(z)$", plausible: { min: 0, max: 1 } },
    { name: 'd_softplus', label: "$\\mathrm{softplus}'(z)$", plausible: { min: 0, max: 1 } },
  ],
  solve,
});
