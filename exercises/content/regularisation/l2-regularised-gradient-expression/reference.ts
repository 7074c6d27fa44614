import { runTf, tf, toNumber } from '../../../src/tf';

/**
 * ∂J/∂w by tf.grad of E(w) + λw², with E linear around w with slope g (only its gradient there matters), so the
 * data term's gradient is g and the penalty's comes from autodiff.
 */
export function regularisedGradient(_params: unknown, point: Record<string, number>): number {
  const { g, lambda } = point as Record<'g' | 'lambda', number>;
  return runTf(() => toNumber(tf.grad((w: tf.Tensor) => tf.add(tf.mul(g, w), tf.mul(lambda, tf.square(w))))(tf.scalar(point.w!))));
}
