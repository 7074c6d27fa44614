import { runTf, tf, toNumber } from '../../../src/tf';

/** ∂L/∂z by tf.grad of the binary cross-entropy of σ(z) against y. */
export function bceLogitGradient(_params: unknown, point: Record<string, number>): number {
  const y = point.y!;
  return runTf(() => {
    const loss = (z: tf.Tensor) => {
      const p = tf.sigmoid(z);
      return tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(1 - y, tf.log(tf.sub(1, p)))));
    };
    return toNumber(tf.grad(loss)(tf.scalar(point.z!)));
  });
}
