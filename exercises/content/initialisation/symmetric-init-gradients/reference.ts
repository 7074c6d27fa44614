import { logit, runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { SymmetricInitParams } from './variants';

/**
 * The 2-2-1 sigmoid network with every weight = c and zero biases; E = ½(t − y)². W[i][j]: input j → hidden i,
 * v[i]: hidden i → output.
 */
function network(p: SymmetricInitParams, W: tf.Tensor, v: tf.Tensor): { h: tf.Tensor; y: tf.Tensor; E: tf.Tensor } {
  const h = tf.sigmoid(tf.matMul(W, tf.tensor2d([[p.x[0]], [p.x[1]]])).reshape([2]));
  const y = tf.sigmoid(tf.sum(tf.mul(v, h)));
  return { h, y, E: tf.mul(0.5, tf.square(tf.sub(p.target, y))) };
}

function gradients(p: SymmetricInitParams, c: number): { h: number[]; y: number; dW: number[]; dv: number[] } {
  const W = tf.fill([2, 2], c);
  const v = tf.fill([2], c);
  const { h, y } = network(p, W, v);
  const [dW, dv] = tf.grads((a: tf.Tensor, b: tf.Tensor) => network(p, a, b).E)([W, v]) as [tf.Tensor, tf.Tensor];
  return { h: toVector(h), y: toNumber(y), dW: toVector(dW), dv: toVector(dv) };
}

export function solve(p: SymmetricInitParams): Record<string, number> {
  return runTf(() => {
    const constant = gradients(p, p.c);
    const zero = gradients(p, 0);
    return {
      h: constant.h[0]!,
      y: constant.y,
      dE_dv1: constant.dv[0]!,
      dE_dv2: constant.dv[1]!,
      // dW is row-major [[w11, w12], [w21, w22]]: w11 = x1 → h1, w21 = x1 → h2.
      dE_dw11: constant.dW[0]!,
      dE_dw21: constant.dW[2]!,
      dE_dv_zero: zero.dv[0]!,
      dE_dw11_zero: zero.dW[0]!,
    };
  });
}

// ---- Carried forward: the student's h and y re-enter the graph through logit (see backprop-mazur). ----

export function outputFromHidden(p: SymmetricInitParams, h: number): number {
  return runTf(() => toNumber(tf.sigmoid(tf.mul(2 * p.c, h))));
}

/** ∂E/∂v_i at the student's y and h (both hidden units are identical). */
export function outputWeightGradient(p: SymmetricInitParams, y: number, h: number): number {
  return runTf(() => {
    const net = logit(tf.scalar(y));
    const E = (dv: tf.Tensor) => tf.mul(0.5, tf.square(tf.sub(p.target, tf.sigmoid(tf.add(net, tf.mul(dv, h))))));
    return toNumber(tf.grad(E)(tf.scalar(0)));
  });
}

/** ∂E/∂w_i1 (input 1 → hidden i) at the student's y and h. */
export function hiddenWeightGradient(p: SymmetricInitParams, y: number, h: number): number {
  return runTf(() => {
    const netY = logit(tf.scalar(y));
    const netH = logit(tf.scalar(h));
    const E = (dw: tf.Tensor) => {
      const hi = tf.sigmoid(tf.add(netH, tf.mul(dw, p.x[0])));
      const out = tf.sigmoid(tf.add(netY, tf.mul(p.c, tf.sub(hi, h))));
      return tf.mul(0.5, tf.square(tf.sub(p.target, out)));
    };
    return toNumber(tf.grad(E)(tf.scalar(0)));
  });
}
