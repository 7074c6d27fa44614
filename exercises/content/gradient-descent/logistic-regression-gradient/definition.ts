import { defineExercise, type NumericField } from '../../../src/definition';
import { gradientFromActivations, solve } from './reference';
import { variants, type LogisticParams } from './variants';

const activations = ['a_1', 'a_2', 'a_3'];
const gradient = (name: string, label: string, which: number | 'b'): NumericField<LogisticParams> => ({
  name,
  label,
  plausible: { min: -10, max: 10 },
  derive: { from: activations, compute: (p, u) => gradientFromActivations(p, [u.a_1!, u.a_2!, u.a_3!], which) },
});

export default defineExercise({
  slug: 'logistic-regression-gradient',
  title: 'Vectorised logistic-regression gradient',
  topic: 'gradient-descent',
  order: 20,
  points: 3,
  summary: 'Activations and ∇J = (A − Y)Xᵀ for three examples with four features.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'a_1', label: '$a_1$', plausible: { min: 0, max: 1, open: true } },
    { name: 'a_2', label: '$a_2$', plausible: { min: 0, max: 1, open: true } },
    { name: 'a_3', label: '$a_3$', plausible: { min: 0, max: 1, open: true } },
    gradient('dJ_dw1', '$\\partial J/\\partial w_1$', 0),
    gradient('dJ_dw2', '$\\partial J/\\partial w_2$', 1),
    gradient('dJ_dw3', '$\\partial J/\\partial w_3$', 2),
    gradient('dJ_dw4', '$\\partial J/\\partial w_4$', 3),
    gradient('dJ_db', '$\\partial J/\\partial b$', 'b'),
  ],
  solve,
});
