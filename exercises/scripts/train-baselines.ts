/**
 * Writes each challenge's baselines.ts: the board's reference rows, trained here once with tfjs on cpu through the
 * same harness as students' code (seeded), saved as the upload format. `npm run baselines -w @deltalab/exercises`;
 * test/challenges.test.ts checks that they load and score as the notes say.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadExercises, type Exercise } from '../src/index';
import { checkModelUpload, challengeData, evaluateChallengeModel } from '../src/challenge/index';
import { trainChallengeModel } from '../src/challenge/harness';
import { exercisesContentDir } from '../src/load';

await tf.setBackend('cpu');

type Challenge = Extract<Exercise, { kind: 'challenge' }>;

function logistic(classes: number) {
  return () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: classes === 2 ? 1 : classes, inputShape: [2], activation: classes === 2 ? 'sigmoid' : 'softmax' }));
    model.compile({
      optimizer: tf.train.adam(0.05, 0.9, 0.999, 1e-7),
      loss: classes === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy',
    });
    return model;
  };
}

function notesNetwork(classes: number) {
  return () => {
    const model = tf.sequential();
    const hidden = classes === 2 ? [4, 2] : [64, 32, 16];
    hidden.forEach((units, i) => model.add(tf.layers.dense({ units, activation: 'tanh', ...(i === 0 ? { inputShape: [2] } : {}) })));
    model.add(tf.layers.dense({ units: classes === 2 ? 1 : classes, activation: classes === 2 ? 'sigmoid' : 'softmax' }));
    model.compile({
      optimizer: tf.train.adam(classes === 2 ? 0.05 : 0.01, 0.9, 0.999, 1e-7),
      loss: classes === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy',
    });
    return model;
  };
}

async function artifactsOf(model: tf.LayersModel) {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(
      async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }),
    ),
  );
  const data = tf.io.CompositeArrayBuffer.join(saved!.weightData!);
  return {
    modelTopology: saved!.modelTopology,
    weightSpecs: saved!.weightSpecs as { name: string; shape: number[]; dtype: 'float32' }[],
    weightData: Buffer.from(data).toString('base64'),
  };
}

for (const exercise of loadExercises().filter((e): e is Challenge => e.kind === 'challenge')) {
  const { train } = challengeData(exercise);
  const rows = [];
  for (const [name, createModel, epochs] of [
    [train.classes === 3 ? 'Softmax regression (baseline)' : 'Logistic regression (baseline)', logistic(train.classes), 500],
    ["The notes' network (baseline)", notesNetwork(train.classes), train.classes === 2 ? 1000 : 600],
  ] as const) {
    const result = await trainChallengeModel(tf, { createModel, training: { epochs, batchSize: train.y.length } }, train, {
      seed: 1,
      maxEpochs: 100_000,
    });
    const model = await artifactsOf(result.model as tf.LayersModel);
    const check = checkModelUpload(model, { model: exercise.model, classes: train.classes });
    if (!check.ok) throw new Error(`${exercise.slug} ${name}: ${check.message}`);
    const scores = evaluateChallengeModel(exercise, check.model);
    console.log(
      `${exercise.slug.padEnd(18)} ${name.padEnd(32)} train ${scores.trainScore.toFixed(3)} public ${scores.publicScore.toFixed(3)} private ${scores.privateScore.toFixed(3)} (${check.model.params} params, ${result.ms} ms)`,
    );
    rows.push({ name, model });
  }
  const file = path.join(exercisesContentDir(), exercise.dir, 'baselines.ts');
  writeFileSync(
    file,
    `import type { ChallengeBaseline } from '../../../src/definition';\n\n// Written by \`npm run baselines -w @deltalab/exercises\` (trained on cpu, seed 1): do not edit by hand.\nexport const baselines: ChallengeBaseline[] = ${JSON.stringify(rows, null, 1)};\n`,
  );
}
