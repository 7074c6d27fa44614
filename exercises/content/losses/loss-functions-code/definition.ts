import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'loss-functions-code',
  title: 'Code the loss functions',
  topic: 'losses',
  order: 40,
  points: 3,
  summary: 'Implement loss(name, y, t) for MSE, MAE, binary and categorical cross-entropy.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [{ name: 'loss', signature: "export function loss(name: 'mse' | 'mae' | 'bce' | 'cce', y: number[][], t: number[][]): number" }],
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'scaled-by-1-over-n',
});
