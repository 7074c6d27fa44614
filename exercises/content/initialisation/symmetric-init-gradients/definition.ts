import { defineExercise } from '../../../src/definition';
import { hiddenWeightGradient, outputFromHidden, outputWeightGradient, solve } from './reference';
import { variants } from './variants';

const unit = { min: 0, max: 1, open: true };

export default defineExercise({
  slug: 'symmetric-init-gradients',
  title: 'Constant initialisation: identical hidden units stay identical',
  topic: 'initialisation',
  order: 20,
  points: 3,
  summary: 'Gradients of a 2-2-1 network whose weights all start equal (and all start at zero).',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'h', label: '$h_1 = h_2$', plausible: unit },
    { name: 'y', label: '$y$', plausible: unit, derive: { from: ['h'], compute: (p, u) => outputFromHidden(p, u.h!) } },
    {
      name: 'dE_dv1',
      label: '$\\partial E/\\partial v_1$',
      derive: { from: ['y', 'h'], compute: (p, u) => outputWeightGradient(p, u.y!, u.h!) },
    },
    {
      name: 'dE_dv2',
      label: '$\\partial E/\\partial v_2$',
      derive: { from: ['y', 'h'], compute: (p, u) => outputWeightGradient(p, u.y!, u.h!) },
    },
    {
      name: 'dE_dw11',
      label: '$\\partial E/\\partial w_{11}$',
      derive: { from: ['y', 'h'], compute: (p, u) => hiddenWeightGradient(p, u.y!, u.h!) },
    },
    {
      name: 'dE_dw21',
      label: '$\\partial E/\\partial w_{21}$',
      derive: { from: ['y', 'h'], compute: (p, u) => hiddenWeightGradient(p, u.y!, u.h!) },
    },
    { name: 'dE_dv_zero', label: 'all zero: $\\partial E/\\partial v_1$' },
    { name: 'dE_dw11_zero', label: 'all zero: $\\partial E/\\partial w_{11}$' },
  ],
  solve,
});
