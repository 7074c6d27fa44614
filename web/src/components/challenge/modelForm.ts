/**
 * The form mode (TensorFlow Playground's spirit, for weeks before students write code): a network described by
 * fields, written out as the same tfjs code the editor takes.
 */
interface FormLayer {
  units: number;
  activation: string;
}

export interface ModelFormState {
  layers: FormLayer[];
  learningRate: number;
  batchSize: number;
  l2: number;
  epochs: number;
}

export const formActivations = ['tanh', 'relu', 'sigmoid', 'elu', 'linear'] as const;

export function starterForm(classes: number): ModelFormState {
  return classes === 2
    ? {
        layers: [
          { units: 4, activation: 'tanh' },
          { units: 2, activation: 'tanh' },
        ],
        learningRate: 0.05,
        batchSize: 300,
        l2: 0,
        epochs: 300,
      }
    : {
        layers: [
          { units: 64, activation: 'tanh' },
          { units: 32, activation: 'tanh' },
          { units: 16, activation: 'tanh' },
        ],
        learningRate: 0.01,
        batchSize: 300,
        l2: 0,
        epochs: 300,
      };
}

/** The form as tfjs code: hidden layers as given, the output layer the classes need, Adam with an explicit epsilon. */
export function formToCode(form: ModelFormState, classes: number): string {
  const regularizer = form.l2 > 0 ? `, kernelRegularizer: tf.regularizers.l2({ l2: ${form.l2} })` : '';
  const hidden = form.layers.map(
    (layer, i) =>
      `  model.add(tf.layers.dense({ units: ${layer.units}, ${i === 0 ? 'inputShape: [2], ' : ''}activation: '${layer.activation}'${regularizer} }));`,
  );
  const output =
    classes === 2
      ? `  model.add(tf.layers.dense({ units: 1, ${form.layers.length === 0 ? 'inputShape: [2], ' : ''}activation: 'sigmoid'${regularizer} }));`
      : `  model.add(tf.layers.dense({ units: ${classes}, ${form.layers.length === 0 ? 'inputShape: [2], ' : ''}activation: 'softmax'${regularizer} }));`;
  const loss = classes === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  const shape = [2, ...form.layers.map((l) => l.units), classes === 2 ? 1 : classes].join('-');
  return `import * as tf from '@tensorflow/tfjs';

/** Written by the form: a ${shape} network${form.l2 > 0 ? ` with L2 ${form.l2}` : ''}. */
export function createModel(): tf.LayersModel {
  const model = tf.sequential();
${[...hidden, output].join('\n')}
  // Adam's epsilon is given explicitly: tfjs's default depends on the backend (1e-4 on WebGL, 1e-7 elsewhere).
  model.compile({ optimizer: tf.train.adam(${form.learningRate}, 0.9, 0.999, 1e-7), loss: '${loss}', metrics: ['accuracy'] });
  return model;
}

/** model.fit's settings. */
export const training: Training = { epochs: ${form.epochs}, batchSize: ${form.batchSize} };
`;
}
