import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'regression-losses',
  title: 'MSE and MAE',
  topic: 'losses',
  order: 10,
  points: 2,
  summary: 'Mean squared and mean absolute error of four predictions, and the MSE’s gradient.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    { name: 'mse', label: 'MSE', plausible: { min: 0, max: 100 } },
    { name: 'mae', label: 'MAE', plausible: { min: 0, max: 100 } },
    { name: 'dmse_dyhat1', label: '$\\partial\\,\\mathrm{MSE} / \\partial \\hat{y}^{(1)}$', plausible: { min: -10, max: 10 } },
  ],
  solve,
});
