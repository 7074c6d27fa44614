import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'linear-regression-gradient',
  title: 'The linear-regression gradient on the house table',
  topic: 'gradient-descent',
  order: 10,
  points: 3,
  summary: 'Residual, MSE cost and ∇J = 2Xᵀ(Xw − y) on the notes’ house-price table.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  // Prices are ~1e5, so float32 (tfjs) carries ~0.01 of absolute error into every residual; the floors are a few
  // times that error, propagated, and far below the typical size of each value (1e3, 1e5, 1e7).
  fields: [
    { name: 'r_1', label: '$r_1 = \\hat{y}_1 - y_1$', tolerance: { mode: 'sigfigs', digits: 3, floor: 0.1 }, plausible: { min: -1e6, max: 1e6 } },
    { name: 'J', label: '$J(\\mathbf{w})$', tolerance: { mode: 'sigfigs', digits: 3, floor: 10 }, plausible: { min: 0, max: 1e12 } },
    { name: 'grad_1', label: '$(\\nabla J)_1$', tolerance: { mode: 'sigfigs', digits: 3, floor: 1 }, plausible: { min: -1e9, max: 1e9 } },
    { name: 'grad_2', label: '$(\\nabla J)_2$', tolerance: { mode: 'sigfigs', digits: 3, floor: 20 }, plausible: { min: -1e11, max: 1e11 } },
    { name: 'grad_3', label: '$(\\nabla J)_3$', tolerance: { mode: 'sigfigs', digits: 3, floor: 500 }, plausible: { min: -1e12, max: 1e12 } },
  ],
  solve,
});
