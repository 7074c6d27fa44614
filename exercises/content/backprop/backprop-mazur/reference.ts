import { logit, runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { MazurParams } from './variants';

/**
 * The whole network in tfjs; the gradients come from tf.grads over all eight weights at once.
 */
export function solve(p: MazurParams): Record<string, number> {
  return runTf(() => {
    const x = tf.tensor1d(p.x);
    const t = tf.tensor1d(p.target);
    const forward = (w: tf.Tensor) => {
      const W1 = w.slice(0, 4).reshape([2, 2]);
      const W2 = w.slice(4, 4).reshape([2, 2]);
      const h = tf.sigmoid(tf.add(tf.matMul(W1, x.reshape([2, 1])).reshape([2]), p.b1));
      const o = tf.sigmoid(tf.add(tf.matMul(W2, h.reshape([2, 1])).reshape([2]), p.b2));
      return { h, o, E: tf.sum(tf.mul(0.5, tf.square(tf.sub(t, o)))) };
    };
    const w = tf.tensor1d(p.w);
    const { h, o, E } = forward(w);
    const grad = toVector(tf.grad((weights: tf.Tensor) => forward(weights).E)(w));
    const [out_h1, out_h2] = toVector(h) as [number, number];
    const [out_o1, out_o2] = toVector(o) as [number, number];
    const dE_dw5 = grad[4]!;
    const dE_dw1 = grad[0]!;
    return {
      out_h1,
      out_h2,
      out_o1,
      out_o2,
      E_total: toNumber(E),
      dE_dw5,
      dE_dw7: grad[6]!,
      dE_dw1,
      w5_new: toNumber(tf.sub(p.w[4]!, tf.mul(p.lr, dE_dw5))),
      w1_new: toNumber(tf.sub(p.w[0]!, tf.mul(p.lr, dE_dw1))),
    };
  });
}

// ---- Carried forward: each field recomputed from the student's own upstream values. ----
// A gradient at a student's value re-enters the graph there: out = σ(logit(out_student) + Δnet), and tf.grad
// differentiates w.r.t. the weight at Δ = 0. The result is the chain rule evaluated at the student's numbers.

export function outputFromHidden(p: MazurParams, output: 0 | 1, h1: number, h2: number): number {
  const [wa, wb] = output === 0 ? [p.w[4]!, p.w[5]!] : [p.w[6]!, p.w[7]!];
  return runTf(() => toNumber(tf.sigmoid(tf.add(tf.add(tf.mul(wa, h1), tf.mul(wb, h2)), p.b2))));
}

export function totalError(p: MazurParams, o1: number, o2: number): number {
  return runTf(() => toNumber(tf.sum(tf.mul(0.5, tf.square(tf.sub(tf.tensor1d(p.target), tf.tensor1d([o1, o2])))))));
}

/** ∂E/∂w for the weight from out_h1 into output `output` (w5 for o1, w7 for o2), at the student's out values. */
export function outputWeightGradient(p: MazurParams, output: 0 | 1, out_o: number, out_h1: number): number {
  const target = p.target[output];
  return runTf(() => {
    const net = logit(tf.scalar(out_o));
    const E = (dw: tf.Tensor) => tf.mul(0.5, tf.square(tf.sub(target, tf.sigmoid(tf.add(net, tf.mul(dw, out_h1))))));
    return toNumber(tf.grad(E)(tf.scalar(0)));
  });
}

/** ∂E/∂w1 at the student's out_h1, out_o1, out_o2. */
export function hiddenWeightGradient(p: MazurParams, out_h1: number, out_o1: number, out_o2: number): number {
  return runTf(() => {
    const netH1 = logit(tf.scalar(out_h1));
    const netO = logit(tf.tensor1d([out_o1, out_o2]));
    const wFromH1 = tf.tensor1d([p.w[4]!, p.w[6]!]);
    const E = (dw1: tf.Tensor) => {
      const h1 = tf.sigmoid(tf.add(netH1, tf.mul(dw1, p.x[0])));
      const o = tf.sigmoid(tf.add(netO, tf.mul(wFromH1, tf.sub(h1, out_h1))));
      return tf.sum(tf.mul(0.5, tf.square(tf.sub(tf.tensor1d(p.target), o))));
    };
    return toNumber(tf.grad(E)(tf.scalar(0)));
  });
}

export function gradientStep(p: MazurParams, weight: number, gradient: number): number {
  return runTf(() => toNumber(tf.sub(weight, tf.mul(p.lr, gradient))));
}
