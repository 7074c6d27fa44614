import { DEFAULT_CODE_LIMITS, defineExercise, fixedVariants } from '../../../src/definition';
import { DEFAULT_CODE_TOLERANCE } from '../../../src/tolerance';
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
  typeDeclarations: '',
  usesTf: false,
  limits: DEFAULT_CODE_LIMITS,
  tolerance: DEFAULT_CODE_TOLERANCE,
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'sign-flipped',
});
