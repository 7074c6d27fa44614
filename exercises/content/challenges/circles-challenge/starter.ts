export const starter = `import * as tf from '@tensorflow/tfjs';

/** The notes' network: Dense(4, tanh) → Dense(2, tanh) → Dense(1, sigmoid), compiled with its optimizer and loss. */
export function createModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, inputShape: [2], activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 2, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  // Adam's epsilon is given explicitly: tfjs's default depends on the backend (1e-4 on WebGL, 1e-7 elsewhere).
  model.compile({ optimizer: tf.train.adam(0.05, 0.9, 0.999, 1e-7), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** model.fit's settings. Full batch: tfjs's per-step overhead dominates a network this small. */
export const training: Training = { epochs: 300, batchSize: 300 };
`;
