import { logit, runTf, tf, toNumber } from '../../../src/tf';

/**
 * ∂E/∂w5 by tf.grad at the point's activations: o1 re-enters the graph at its own value, σ(logit(out_o1) + Δw·out_h1),
 * and E = ½(target_o1 − o1)² is differentiated at Δw = 0 (o2 does not depend on w5).
 */
export function outputWeightGradient(_params: unknown, point: Record<string, number>): number {
  const { out_o1, target_o1, out_h1 } = point as Record<'out_o1' | 'target_o1' | 'out_h1', number>;
  return runTf(() => {
    const net = logit(tf.scalar(out_o1));
    const E = (dw: tf.Tensor) => tf.mul(0.5, tf.square(tf.sub(target_o1, tf.sigmoid(tf.add(net, tf.mul(dw, out_h1))))));
    return toNumber(tf.grad(E)(tf.scalar(0)));
  });
}
