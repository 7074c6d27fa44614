import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { LinearRegressionParams } from './variants';

export function solve(p: LinearRegressionParams): Record<string, number> {
  return runTf(() => {
    const X = tf.tensor2d(p.X);
    const y = tf.tensor1d(p.y);
    const residuals = (w: tf.Tensor) => tf.sub(tf.matMul(X, w.reshape([-1, 1])).reshape([-1]), y);
    const w = tf.tensor1d(p.w);
    // ∇ of the sum of squares Σ r² is exactly the notes' 2Xᵀ(Xw − y).
    const [g1, g2, g3] = toVector(tf.grad((v: tf.Tensor) => tf.sum(tf.square(residuals(v))))(w)) as [number, number, number];
    return { r_1: toVector(residuals(w))[0]!, J: toNumber(tf.mean(tf.square(residuals(w)))), grad_1: g1, grad_2: g2, grad_3: g3 };
  });
}
