import { defineExercise } from '../../../src/definition';
import { outputWeightGradient } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'output-weight-gradient-expression',
  title: 'dE/dw5 of Mazur’s network, as a formula',
  topic: 'backprop',
  order: 12,
  points: 3,
  summary: '∂E/∂w₅ in terms of out_o1, target_o1 and out_h1: the chain rule written out.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dE_dw5',
      label: '$\\partial E_{total} / \\partial w_5$',
      variables: [
        { name: 'out_o1', min: 0.05, max: 0.95 },
        { name: 'target_o1', min: 0, max: 1 },
        { name: 'out_h1', min: 0.05, max: 0.95 },
      ],
      functions: [],
      answer: '(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_h1',
      reference: outputWeightGradient,
      showDifference: true,
      mistakes: [
        {
          id: 'missing-sigma-derivative',
          expression: '(out_o1 - target_o1)*out_h1',
          message: 'σ′ of the output is missing: ∂out_o1/∂net_o1 = out_o1(1 − out_o1).',
        },
        {
          id: 'sign-flipped',
          expression: '(target_o1 - out_o1)*out_o1*(1 - out_o1)*out_h1',
          message: 'The sign is flipped: ∂E/∂out_o1 = out_o1 − target_o1.',
        },
        {
          id: 'half-forgotten',
          expression: '2*(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_h1',
          message: 'A factor 2 too many: the ½ of E = ½(target − out)² cancels the 2 of the square.',
        },
        {
          id: 'missing-out-h1',
          expression: '(out_o1 - target_o1)*out_o1*(1 - out_o1)',
          message: 'The last link is missing: ∂net_o1/∂w5 = out_h1.',
        },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
