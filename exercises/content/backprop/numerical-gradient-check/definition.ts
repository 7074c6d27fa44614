import { defineExercise } from '../../../src/definition';
import { numericGradient, solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'numerical-gradient-check',
  title: 'Gradient check by finite differences',
  topic: 'backprop',
  order: 30,
  points: 2,
  summary: 'Compare a forward-difference estimate with the exact gradient of one sigmoid neuron.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    {
      name: 'L_w',
      label: '$L(w)$',
      hint: 'The next step subtracts the two losses.',
      tolerance: { mode: 'sigfigs', digits: 6 },
      plausible: { min: 0, max: 0.5 },
    },
    {
      name: 'L_w_plus',
      label: '$L(w + \\Delta w)$',
      hint: 'The next step subtracts the two losses.',
      tolerance: { mode: 'sigfigs', digits: 6 },
      plausible: { min: 0, max: 0.5 },
    },
    {
      name: 'numeric_grad',
      label: 'numerical $\\partial L/\\partial w$',
      // A difference quotient of 6-figure losses is good to ~2 figures when Δw = 0.001.
      tolerance: { mode: 'relative', max: 0.02, floor: 1e-4 },
      plausible: { min: -1, max: 1 },
      derive: { from: ['L_w', 'L_w_plus'], compute: (p, u) => numericGradient(p, u.L_w!, u.L_w_plus!) },
    },
    { name: 'analytic_grad', label: 'exact $\\partial L/\\partial w$', plausible: { min: -1, max: 1 } },
  ],
  solve,
});
