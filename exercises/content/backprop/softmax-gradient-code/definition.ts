import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'softmax-gradient-code',
  title: 'Code the softmax classifier’s batch gradient',
  topic: 'backprop',
  order: 25,
  points: 3,
  summary: 'Implement softmaxGradient(W, b, X, labels): (1/B) Σ x_j (y_k − t_k) over a batch.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [
    {
      name: 'softmaxGradient',
      signature:
        'export function softmaxGradient(W: number[][], b: number[], X: number[][], labels: number[]): { dW: number[][]; db: number[] }',
    },
  ],
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'sign-flipped',
});
