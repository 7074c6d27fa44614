import { runTf, tf, toNumber } from '../../../src/tf';

/**
 * ∂L/∂z₁ by tf.grad of the cross-entropy of softmax(z). The target is y = (y₁, (1 − y₁)/2, (1 − y₁)/2): any split of
 * the rest gives the same ∂L/∂z₁ when y sums to 1, and the student writes it in y₁ alone.
 */
export function softmaxCrossEntropyGradient(_params: unknown, point: Record<string, number>): number {
  const y1 = point.y1!;
  return runTf(() => {
    const y = tf.tensor1d([y1, (1 - y1) / 2, (1 - y1) / 2]);
    const loss = (z: tf.Tensor) => tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(z))));
    return toNumber(
      tf
        .grad(loss)(tf.tensor1d([point.z1!, point.z2!, point.z3!]))
        .slice(0, 1),
    );
  });
}
