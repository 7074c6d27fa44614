import { defineExercise } from '../../../src/definition';
import { batchStep, fullLoss, solve } from './reference';
import { variants } from './variants';

const parameter = { min: -5, max: 5 };

export default defineExercise({
  slug: 'minibatch-sgd-epoch',
  title: 'One epoch of mini-batch gradient descent',
  topic: 'gradient-descent',
  order: 40,
  points: 3,
  summary: 'Two batch updates of a linear model on the notes’ study-hours table.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'w_1', label: '$w$ after batch 1', plausible: parameter },
    { name: 'b_1', label: '$b$ after batch 1', plausible: parameter },
    {
      name: 'w_2',
      label: '$w$ after batch 2',
      plausible: parameter,
      derive: { from: ['w_1', 'b_1'], compute: (p, u) => batchStep(p, 1, u.w_1!, u.b_1!).w },
    },
    {
      name: 'b_2',
      label: '$b$ after batch 2',
      plausible: parameter,
      derive: { from: ['w_1', 'b_1'], compute: (p, u) => batchStep(p, 1, u.w_1!, u.b_1!).b },
    },
    {
      name: 'J_epoch',
      label: '$J$ after the epoch',
      plausible: { min: 0, max: 100 },
      derive: { from: ['w_2', 'b_2'], compute: (p, u) => fullLoss(p, u.w_2!, u.b_2!) },
    },
  ],
  solve,
});
