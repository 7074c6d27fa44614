import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'learning-rate-divergence',
  title: 'Learning rates in numbers: slow, fast, divergent',
  topic: 'gradient-descent',
  order: 45,
  points: 2,
  summary: 'Three gradient-descent steps on a quadratic with a small, a good and a too-large learning rate.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    { name: 'alpha_max', label: 'largest stable $\\alpha$', plausible: { min: 0, max: 10, open: true } },
    { name: 'w3_small', label: '$w_3$ with the small $\\alpha$' },
    { name: 'w3_good', label: '$w_3$ with the medium $\\alpha$' },
    { name: 'w3_large', label: '$w_3$ with the large $\\alpha$' },
    { name: 'J3_large', label: '$J(w_3)$ with the large $\\alpha$', plausible: { min: 0, max: 1e6 } },
  ],
  solve,
});
