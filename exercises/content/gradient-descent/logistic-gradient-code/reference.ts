import { runTf, tf, toNumber, toVector } from '../../../src/tf';

export interface LogisticGradient {
  dw: number[];
  db: number;
}

/**
 * Gradient of the summed binary cross-entropy of logistic regression, examples as the columns of X (n × m), by
 * tf.grads. log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z) keep the loss finite for large |z|.
 */
function logisticGradientReference(X: number[][], Y: number[], w: number[], b: number): LogisticGradient {
  return runTf(() => {
    const x = tf.tensor2d(X);
    const y = tf.tensor1d(Y);
    const loss = (weights: tf.Tensor, bias: tf.Tensor): tf.Tensor => {
      const z = tf.add(tf.matMul(weights.reshape([1, -1]), x).reshape([-1]), bias);
      const logA = tf.neg(tf.softplus(tf.neg(z)));
      const logOneMinusA = tf.neg(tf.softplus(z));
      return tf.neg(tf.sum(tf.add(tf.mul(y, logA), tf.mul(tf.sub(1, y), logOneMinusA))));
    };
    const [dw, db] = tf.grads(loss as (...args: tf.Tensor[]) => tf.Tensor)([tf.tensor1d(w), tf.scalar(b)]);
    return { dw: toVector(dw!), db: toNumber(db!) };
  });
}

export const reference = { logisticGradient: logisticGradientReference };
