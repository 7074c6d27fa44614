import { defineExercise } from '../../../src/definition';
import { hiddenWeightGradient } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'hidden-weight-gradient-expression',
  title: 'dE/dw1 of Mazur’s network, as a formula',
  topic: 'backprop',
  order: 14,
  points: 4,
  summary: '∂E/∂w₁ in terms of the activations, targets, w5, w7 and i1: both output paths.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dE_dw1',
      label: '$\\partial E_{total} / \\partial w_1$',
      variables: [
        { name: 'out_o1', min: 0.05, max: 0.95 },
        { name: 'out_o2', min: 0.05, max: 0.95 },
        { name: 'target_o1', min: 0, max: 1 },
        { name: 'target_o2', min: 0, max: 1 },
        { name: 'out_h1', min: 0.05, max: 0.95 },
        { name: 'w5', min: -1, max: 1 },
        { name: 'w7', min: -1, max: 1 },
        { name: 'i1', min: 0.1, max: 1 },
      ],
      functions: [],
      answer: '((out_o1 - target_o1)*out_o1*(1 - out_o1)*w5 + (out_o2 - target_o2)*out_o2*(1 - out_o2)*w7)*out_h1*(1 - out_h1)*i1',
      reference: hiddenWeightGradient,
      points: 16,
      mistakes: [
        {
          id: 'only-first-output',
          expression: '(out_o1 - target_o1)*out_o1*(1 - out_o1)*w5*out_h1*(1 - out_h1)*i1',
          message: 'Only the path through o1: out_h1 also feeds o2 (through w7), and the two paths add up.',
        },
        {
          id: 'missing-hidden-sigma-derivative',
          expression: '((out_o1 - target_o1)*out_o1*(1 - out_o1)*w5 + (out_o2 - target_o2)*out_o2*(1 - out_o2)*w7)*i1',
          message: 'σ′ of the hidden neuron is missing: ∂out_h1/∂net_h1 = out_h1(1 − out_h1).',
        },
        {
          id: 'missing-input',
          expression: '((out_o1 - target_o1)*out_o1*(1 - out_o1)*w5 + (out_o2 - target_o2)*out_o2*(1 - out_o2)*w7)*out_h1*(1 - out_h1)',
          message: 'The last link is missing: ∂net_h1/∂w1 = i1.',
        },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
