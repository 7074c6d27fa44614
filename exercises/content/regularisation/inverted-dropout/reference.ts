import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { DropoutParams } from './variants';

/** Inverted dropout with a fixed mask: y = a ⊙ m / (1 − rate). */
function invertedDropout(p: DropoutParams, a: tf.Tensor, scale: tf.Tensor | number = tf.div(1, tf.sub(1, p.rate))): tf.Tensor {
  return tf.mul(tf.mul(a, tf.tensor1d(p.mask)), scale);
}

export function solve(p: DropoutParams): Record<string, number> {
  return runTf(() => {
    const a = tf.tensor1d(p.a);
    const y = toVector(invertedDropout(p, a));
    // ∂L/∂a by autodiff of L = Σ upstream ⊙ y (any L whose gradient at y is `upstream` gives the same ∂L/∂a).
    const g = toVector(tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.tensor1d(p.upstream), invertedDropout(p, v))))(a));
    const values: Record<string, number> = { scale: toNumber(tf.div(1, tf.sub(1, p.rate))) };
    y.forEach((v, i) => (values[`y${i + 1}`] = v));
    g.forEach((v, i) => (values[`g${i + 1}`] = v));
    return values;
  });
}

/** Carried forward: y_i or g_i with the student's scale factor. */
export function withScale(p: DropoutParams, output: 'y' | 'g', index: number, scale: number): number {
  return runTf(() => {
    const a = tf.tensor1d(p.a);
    if (output === 'y') return toVector(invertedDropout(p, a, scale))[index]!;
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.tensor1d(p.upstream), invertedDropout(p, v, scale))))(a);
    return toVector(g)[index]!;
  });
}
