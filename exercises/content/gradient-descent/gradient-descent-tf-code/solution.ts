// A correct student solution with TensorFlow.js (tf.variableGrads + Variable.assign): full marks expected.
import * as tf from '@tensorflow/tfjs';

type TwoLayerNet = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
type Training = { net: TwoLayerNet; losses: number[] };

export function train(X: number[][], y: number[], net: TwoLayerNet, lr: number, steps: number, loss: 'mse' | 'bce'): Training {
  const inputs = tf.tensor2d(X);
  const targets = tf.tensor2d(y, [y.length, 1]); // a column, like the predictions: no broadcasting surprise
  const W1 = tf.variable(tf.tensor2d(net.W1));
  const b1 = tf.variable(tf.tensor1d(net.b1));
  const W2 = tf.variable(tf.tensor2d(net.W2));
  const b2 = tf.variable(tf.tensor1d(net.b2));
  const weights = [W1, b1, W2, b2];

  const objective = (): tf.Scalar => {
    const hidden = tf.sigmoid(tf.add(tf.matMul(inputs, W1), b1));
    const pred = tf.sigmoid(tf.add(tf.matMul(hidden, W2), b2));
    if (loss === 'mse') return tf.mean(tf.square(tf.sub(targets, pred))) as tf.Scalar;
    return tf.neg(tf.mean(tf.add(tf.mul(targets, tf.log(pred)), tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, pred)))))) as tf.Scalar;
  };

  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(objective, weights);
      losses.push(value.dataSync()[0]!);
      for (const w of weights) w.assign(tf.sub(w, tf.mul(lr, grads[w.name]!)));
    });
  }
  const trained = {
    W1: W1.arraySync() as number[][],
    b1: b1.arraySync() as number[],
    W2: W2.arraySync() as number[][],
    b2: b2.arraySync() as number[],
  };
  tf.dispose([inputs, targets, ...weights]);
  return { net: trained, losses };
}
