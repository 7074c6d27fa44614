import { defineExercise, fixedVariants } from '../../../src/definition';
import { allActivations, challengeEntries, challengeLimits, challengeTypeDeclarations } from '../shared';
import { baselines } from './baselines';
import { starter } from './starter';

export default defineExercise({
  slug: 'moons-challenge',
  title: 'Challenge: two moons',
  topic: 'challenges',
  order: 10,
  points: 5,
  summary: 'Train a network in your browser on two interleaving moons; the server scores it on points nobody sees.',
  kind: 'challenge',
  variants: fixedVariants({}),
  // Noise low enough that the notes' network reaches the notes' ~100 % (at 0.2, moons tops out near 97 %).
  dataset: { name: 'moons', train: 300, test: 2000, noise: 0.1, seed: 20251 },
  metric: 'accuracy',
  threshold: 0.95,
  credit: [
    { atLeast: 0.95, credit: 1 },
    { atLeast: 0.9, credit: 0.5 },
  ],
  model: { layers: ['Dense', 'Dropout'], activations: allActivations, maxParams: 20000, maxUploadKb: 256 },
  entriesPerDay: 10,
  maxFinal: 2,
  verifyMargin: 0.02,
  maxEpochs: 2000,
  usesTf: true,
  limits: challengeLimits,
  starter,
  typeDeclarations: challengeTypeDeclarations,
  entries: challengeEntries,
  baselines,
});
