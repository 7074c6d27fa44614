import { runTf, tf, toNumber } from '../../../src/tf';

/** σ′(z) by tf.grad of tf.sigmoid at one point. */
export function sigmoidDerivative(_params: unknown, point: Record<string, number>): number {
  return runTf(() => toNumber(tf.grad((z: tf.Tensor) => tf.sigmoid(z))(tf.scalar(point.z!))));
}
