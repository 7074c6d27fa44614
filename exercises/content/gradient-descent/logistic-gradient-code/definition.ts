import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'logistic-gradient-code',
  title: 'Code the vectorised logistic-regression gradient',
  topic: 'gradient-descent',
  order: 25,
  points: 3,
  summary: 'Implement logisticGradient(X, Y, w, b): (A − Y)Xᵀ and (A − Y)1ᵀ.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [
    {
      name: 'logisticGradient',
      signature: 'export function logisticGradient(X: number[][], Y: number[], w: number[], b: number): { dw: number[]; db: number }',
    },
  ],
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'sign-flipped',
});
