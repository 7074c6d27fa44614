import { defineExercise, fixedVariants } from '../../../src/definition';
import { allActivations, challengeEntries, challengeLimits, challengeTypeDeclarations } from '../shared';
import { baselines } from './baselines';
import { starter } from './starter';

export default defineExercise({
  slug: 'spirals-challenge',
  title: 'Challenge: three spirals',
  topic: 'challenges',
  order: 30,
  points: 5,
  summary: 'Three interleaved spiral arms, three classes: softmax regression gets a third of the way. Can you reach 99 %?',
  kind: 'challenge',
  variants: fixedVariants({}),
  // Noise low enough that the notes' network reaches the notes' ~100 % (at 0.2, moons tops out near 97 %).
  dataset: { name: 'spirals', train: 300, test: 2000, noise: 0.1, seed: 20253 },
  metric: 'accuracy',
  threshold: 0.95,
  credit: [
    { atLeast: 0.95, credit: 1 },
    { atLeast: 0.85, credit: 0.5 },
  ],
  model: { layers: ['Dense', 'Dropout'], activations: allActivations, maxParams: 50000, maxUploadKb: 512 },
  entriesPerDay: 10,
  maxFinal: 2,
  verifyMargin: 0.02,
  maxEpochs: 1000,
  usesTf: true,
  limits: challengeLimits,
  starter,
  typeDeclarations: challengeTypeDeclarations,
  entries: challengeEntries,
  baselines,
});
