import { logit, runTf, tf, toNumber } from '../../../src/tf';

type Point = Record<'out_o1' | 'out_o2' | 'target_o1' | 'target_o2' | 'out_h1' | 'w5' | 'w7' | 'i1', number>;

/**
 * ∂E/∂w1 by tf.grad at the point's values: h1 and both outputs re-enter the graph at their own activations
 * (σ(logit(out) + Δnet)), a change Δw1 moves net_h1 by Δw1·i1, and E is differentiated at Δw1 = 0.
 */
export function hiddenWeightGradient(_params: unknown, point: Record<string, number>): number {
  const p = point as Point;
  return runTf(() => {
    const netH1 = logit(tf.scalar(p.out_h1));
    const netO = logit(tf.tensor1d([p.out_o1, p.out_o2]));
    const fromH1 = tf.tensor1d([p.w5, p.w7]);
    const targets = tf.tensor1d([p.target_o1, p.target_o2]);
    const E = (dw1: tf.Tensor) => {
      const h1 = tf.sigmoid(tf.add(netH1, tf.mul(dw1, p.i1)));
      const o = tf.sigmoid(tf.add(netO, tf.mul(fromH1, tf.sub(h1, p.out_h1))));
      return tf.sum(tf.mul(0.5, tf.square(tf.sub(targets, o))));
    };
    return toNumber(tf.grad(E)(tf.scalar(0)));
  });
}
