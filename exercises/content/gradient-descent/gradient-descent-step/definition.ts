import { defineExercise } from '../../../src/definition';
import { lossAt, solve, step } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'gradient-descent-step',
  title: 'One gradient-descent step on the study-hours table',
  topic: 'gradient-descent',
  order: 30,
  points: 3,
  summary: 'MSE, its gradient and one batch gradient-descent update of a one-feature linear model.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'J', label: '$J(w, b)$', plausible: { min: 0, max: 100 } },
    { name: 'dJ_dw', label: '$\\partial J/\\partial w$' },
    { name: 'dJ_db', label: '$\\partial J/\\partial b$' },
    { name: 'w_new', label: 'new $w$', derive: { from: ['dJ_dw'], compute: (p, u) => step(p, p.w, u.dJ_dw!) } },
    { name: 'b_new', label: 'new $b$', derive: { from: ['dJ_db'], compute: (p, u) => step(p, p.b, u.dJ_db!) } },
    {
      name: 'J_new',
      label: '$J$ after the step',
      plausible: { min: 0, max: 100 },
      derive: { from: ['w_new', 'b_new'], compute: (p, u) => lossAt(p, u.w_new!, u.b_new!) },
    },
  ],
  solve,
});
