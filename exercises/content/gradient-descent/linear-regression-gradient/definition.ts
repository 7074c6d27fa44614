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
  // Prices are ~1e5, so float32 (tfjs) carries ~0.005 of absolute error into every residual: variants.ts only draws
  // weights whose residual and gradient are large enough for 3 significant figures to be checkable.
  fields: [
    { name: 'r_1', label: '$r_1 = \\hat{y}_1 - y_1$', plausible: { min: -1e6, max: 1e6 } },
    { name: 'J', label: '$J(\\mathbf{w})$', plausible: { min: 0, max: 1e12 } },
    { name: 'grad_1', label: '$(\\nabla J)_1$', plausible: { min: -1e9, max: 1e9 } },
    { name: 'grad_2', label: '$(\\nabla J)_2$', plausible: { min: -1e11, max: 1e11 } },
    { name: 'grad_3', label: '$(\\nabla J)_3$', plausible: { min: -1e12, max: 1e12 } },
  ],
  solve,
});
