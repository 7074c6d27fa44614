import { runTf, tf, toNumber } from '../../../src/tf';

/** tanh′(z) by tf.grad of tf.tanh at one point. */
export function tanhDerivative(_params: unknown, point: Record<string, number>): number {
  return runTf(() => toNumber(tf.grad((z: tf.Tensor) => tf.tanh(z))(tf.scalar(point.z!))));
}
