import { runTf, tf, toNumber } from '../../../src/tf';
import type { GradientCheckParams } from './variants';

const lossAt = (p: GradientCheckParams, w: tf.Tensor) => tf.mul(0.5, tf.square(tf.sub(p.t, tf.sigmoid(tf.add(tf.mul(w, p.x), p.b)))));

export function solve(p: GradientCheckParams): Record<string, number> {
  return runTf(() => {
    const L_w = toNumber(lossAt(p, tf.scalar(p.w)));
    const L_w_plus = toNumber(lossAt(p, tf.scalar(p.w + p.dw)));
    return {
      L_w,
      L_w_plus,
      numeric_grad: numericGradient(p, L_w, L_w_plus),
      analytic_grad: toNumber(tf.grad((w: tf.Tensor) => lossAt(p, w))(tf.scalar(p.w))),
    };
  });
}

/** The forward difference from two loss values (the student's, when carried forward). */
export function numericGradient(p: GradientCheckParams, L_w: number, L_w_plus: number): number {
  // Subtracting in float64: two close float32 losses would lose most of their digits.
  return (L_w_plus - L_w) / p.dw;
}
