import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'sgd-epoch-code',
  title: 'One epoch of mini-batch SGD',
  topic: 'gradient-descent',
  order: 35,
  points: 4,
  summary: 'Implement sgdEpoch(w, b, X, y, lr, batchSize) for linear regression with the mean squared error.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [
    {
      name: 'sgdEpoch',
      signature:
        'export function sgdEpoch(w: number[], b: number, X: number[][], y: number[], lr: number, batchSize: number): { w: number[]; b: number; losses: number[] }',
    },
  ],
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'sign-flipped',
});
