import { runTf, tf, toNumber } from '../../../src/tf';

/** ∂L/∂w1 by tf.grad of the binary cross-entropy of σ(w·x + b), with respect to w1. */
export function logisticGradient(_params: unknown, point: Record<string, number>): number {
  const { w2, b, x1, x2, y } = point as Record<'w2' | 'b' | 'x1' | 'x2' | 'y', number>;
  return runTf(() => {
    const loss = (w1: tf.Tensor) => {
      const p = tf.sigmoid(tf.add(tf.add(tf.mul(w1, x1), w2 * x2), b));
      return tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(1 - y, tf.log(tf.sub(1, p)))));
    };
    return toNumber(tf.grad(loss)(tf.scalar(point.w1!)));
  });
}
