import * as tf from '@tensorflow/tfjs';
import { ensureSyncBackend } from './backend';

/** Helpers for reference implementations: run a tfjs computation and read plain numbers back (no tensor leaks). */

/** tf.tidy on a synchronous backend. */
export function runTf<T>(compute: () => T): T {
  ensureSyncBackend();
  return tf.tidy(compute as () => never) as T;
}

export function toNumber(t: tf.Tensor): number {
  const value = t.dataSync()[0];
  if (value === undefined) throw new Error('toNumber: empty tensor');
  return value;
}
export function toVector(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}
export function toMatrix(t: tf.Tensor): number[][] {
  return t.arraySync() as number[][];
}

/** a·σ'(z) style helpers are deliberately absent: references get derivatives from tf.grad, never by hand. */

/** Logit, the inverse of the sigmoid: lets a carried-forward gradient re-enter the graph at a student's value. */
export function logit(p: tf.Tensor): tf.Tensor {
  return tf.log(tf.div(p, tf.sub(1, p)));
}

export type ActivationName = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
export function activate(z: tf.Tensor, activation: ActivationName): tf.Tensor {
  switch (activation) {
    case 'linear':
      return z;
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'softmax':
      return tf.softmax(z);
  }
}

export { tf };
