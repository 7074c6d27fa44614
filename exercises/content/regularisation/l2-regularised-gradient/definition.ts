import { defineExercise } from '../../../src/definition';
import { regularisedFromData, solve, step } from './reference';
import { variants } from './variants';

// Integer inputs and targets, one-decimal weights and bias: every field lies on a coarse grid, so a value under 1e-6
// is an exact 0 that float32 leaves as ~1e-7. Such a reference counts as 0.
const onGrid = { mode: 'sigfigs', digits: 3, referenceNoise: 1e-6 } as const;

export default defineExercise({
  slug: 'l2-regularised-gradient',
  title: 'The gradient with L2 regularisation',
  topic: 'regularisation',
  order: 30,
  points: 3,
  summary: 'Gradient of MSE + λ‖w‖² for a linear neuron, and one weight-decay update.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'g1', label: '$\\partial\\,\\mathrm{MSE} / \\partial w_1$', tolerance: onGrid },
    { name: 'g2', label: '$\\partial\\,\\mathrm{MSE} / \\partial w_2$', tolerance: onGrid },
    {
      name: 'gr1',
      label: '$\\partial J / \\partial w_1$',
      tolerance: onGrid,
      derive: { from: ['g1'], compute: (p, u) => regularisedFromData(p, 0, u.g1!) },
    },
    {
      name: 'gr2',
      label: '$\\partial J / \\partial w_2$',
      tolerance: onGrid,
      derive: { from: ['g2'], compute: (p, u) => regularisedFromData(p, 1, u.g2!) },
    },
    { name: 'w1_new', label: 'new $w_1$', tolerance: onGrid, derive: { from: ['gr1'], compute: (p, u) => step(p, 0, u.gr1!) } },
    { name: 'w2_new', label: 'new $w_2$', tolerance: onGrid, derive: { from: ['gr2'], compute: (p, u) => step(p, 1, u.gr2!) } },
  ],
  solve,
});
