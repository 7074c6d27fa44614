import type { ChallengeExercise } from '../../src/definition';

/** What every challenge's code exports (the page and Verify train it the same way). */
export const challengeEntries: ChallengeExercise['entries'] = [
  { name: 'createModel', signature: 'export function createModel(): tf.LayersModel' },
  { name: 'training', signature: 'export const training: Training' },
];

export const challengeTypeDeclarations = `/** How the page (and Verify) train the model: model.fit(x, y, { epochs, batchSize, shuffle: true }). */
type Training = { epochs: number; batchSize: number };`;

/** Verify re-trains in the grader's sandbox (tfjs on cpu): a minute at most, memory for a few thousand points. */
export const challengeLimits: ChallengeExercise['limits'] = { timeMs: 60_000, memoryMb: 256, sourceKb: 64, outputKb: 4096 };

export const allActivations: ChallengeExercise['model']['activations'] = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hard_sigmoid',
  'tanh',
  'softplus',
  'softsign',
  'softmax',
  'swish',
  'mish',
];
