import { runTf, tf, toNumber, toVector } from '../../../src/tf';

export interface EpochResult {
  w: number[];
  b: number;
  /** The mini-batch loss before each update, in order. */
  losses: number[];
}

/**
 * One epoch of mini-batch SGD for linear regression ŷ = Xw + b with the batch MSE, batches taken in row order
 * (the last one may be smaller). Gradients by tf.valueAndGrads.
 */
function sgdEpochReference(w: number[], b: number, X: number[][], y: number[], lr: number, batchSize: number): EpochResult {
  return runTf(() => {
    let weights: tf.Tensor = tf.tensor1d(w);
    let bias: tf.Tensor = tf.scalar(b);
    const losses: number[] = [];
    for (let start = 0; start < X.length; start += batchSize) {
      const Xb = tf.tensor2d(X.slice(start, start + batchSize));
      const yb = tf.tensor1d(y.slice(start, start + batchSize));
      const mse = (v: tf.Tensor, c: tf.Tensor): tf.Scalar =>
        tf.mean(tf.square(tf.sub(tf.add(tf.matMul(Xb, v.reshape([-1, 1])).reshape([-1]), c), yb)));
      const { value, grads } = tf.valueAndGrads(mse as (...args: tf.Tensor[]) => tf.Scalar)([weights, bias]);
      losses.push(toNumber(value));
      weights = tf.sub(weights, tf.mul(lr, grads[0]!));
      bias = tf.sub(bias, tf.mul(lr, grads[1]!));
    }
    return { w: toVector(weights), b: toNumber(bias), losses };
  });
}

export const reference = { sgdEpoch: sgdEpochReference };
