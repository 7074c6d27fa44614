import { runTf, tf, toNumber } from '../../../src/tf';

export type LossName = 'mse' | 'mae' | 'bce' | 'cce';
export const lossNames: readonly LossName[] = ['mse', 'mae', 'bce', 'cce'];

/**
 * The notes' losses for a batch (one row per example), in tfjs. mse/mae/bce average over every output of every
 * example (Keras' convention); cce sums −t·log y over the classes of an example and averages over the examples.
 */
function lossReference(name: LossName, y: number[][], t: number[][]): number {
  return runTf(() => {
    const Y = tf.tensor2d(y);
    const T = tf.tensor2d(t);
    switch (name) {
      case 'mse':
        return toNumber(tf.mean(tf.square(tf.sub(T, Y))));
      case 'mae':
        return toNumber(tf.mean(tf.abs(tf.sub(T, Y))));
      case 'bce':
        return toNumber(tf.neg(tf.mean(tf.add(tf.mul(T, tf.log(Y)), tf.mul(tf.sub(1, T), tf.log(tf.sub(1, Y)))))));
      case 'cce':
        return toNumber(tf.neg(tf.mean(tf.sum(tf.mul(T, tf.log(Y)), 1))));
    }
  });
}

export const reference = { loss: lossReference };
