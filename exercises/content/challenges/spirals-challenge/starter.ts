export const starter = `import * as tf from '@tensorflow/tfjs';

/** The notes' network for three classes: Dense(64, tanh) → Dense(32, tanh) → Dense(16, tanh) → Dense(3, softmax). */
export function createModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, inputShape: [2], activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 32, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 16, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  // y arrives one-hot (one column per class); Adam's epsilon explicit, as tfjs's default depends on the backend.
  model.compile({ optimizer: tf.train.adam(0.01, 0.9, 0.999, 1e-7), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** model.fit's settings. Full batch: tfjs's per-step overhead dominates a network this small. */
export const training: Training = { epochs: 300, batchSize: 300 };
`;
