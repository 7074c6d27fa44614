import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'binary-cross-entropy',
  title: 'Binary cross-entropy',
  topic: 'losses',
  order: 20,
  points: 2,
  summary: 'The mean binary cross-entropy of four predictions and its gradient.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    { name: 'bce', label: '$J$', plausible: { min: 0, max: 10 } },
    { name: 'dbce_df1', label: '$\\partial J / \\partial f(x^{(1)})$', plausible: { min: -10, max: 10 } },
  ],
  solve,
});
