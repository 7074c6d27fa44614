import { runTf, tf, toMatrix, toVector } from '../../../src/tf';

export interface SoftmaxGradient {
  dW: number[][];
  db: number[];
}

/**
 * Gradient of the batch cross-entropy L = −(1/B) Σ_s Σ_k t_k(s) log y_k(s) of a linear softmax classifier
 * A = WX + b (examples are the columns of X, as in the notes), by tf.grads.
 */
function softmaxGradientReference(W: number[][], b: number[], X: number[][], labels: number[]): SoftmaxGradient {
  return runTf(() => {
    const x = tf.tensor2d(X);
    const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), W.length).toFloat();
    const loss = (weights: tf.Tensor, bias: tf.Tensor): tf.Tensor => {
      // B × K logits: one row per example.
      const logits = tf.add(tf.matMul(weights as tf.Tensor2D, x), bias.reshape([-1, 1])).transpose();
      return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1)));
    };
    const [dW, db] = tf.grads(loss as (...args: tf.Tensor[]) => tf.Tensor)([tf.tensor2d(W), tf.tensor1d(b)]);
    return { dW: toMatrix(dW!), db: toVector(db!) };
  });
}

export const reference = { softmaxGradient: softmaxGradientReference };
