import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { LogisticParams } from './variants';

const logits = (p: LogisticParams, w: tf.Tensor, b: tf.Tensor) => tf.add(tf.matMul(w.reshape([1, 4]), tf.tensor2d(p.X)).reshape([3]), b);

export function solve(p: LogisticParams): Record<string, number> {
  return runTf(() => {
    const Y = tf.tensor1d(p.Y);
    const J = (w: tf.Tensor, b: tf.Tensor) => {
      const a = tf.sigmoid(logits(p, w, b));
      return tf.neg(tf.sum(tf.add(tf.mul(Y, tf.log(a)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, a))))));
    };
    const w = tf.tensor1d(p.w);
    const b = tf.scalar(p.b);
    const [a_1, a_2, a_3] = toVector(tf.sigmoid(logits(p, w, b))) as [number, number, number];
    const [dw, db] = tf.grads(J)([w, b]) as [tf.Tensor, tf.Tensor];
    const [dJ_dw1, dJ_dw2, dJ_dw3, dJ_dw4] = toVector(dw) as [number, number, number, number];
    return { a_1, a_2, a_3, dJ_dw1, dJ_dw2, dJ_dw3, dJ_dw4, dJ_db: toNumber(db) };
  });
}

/**
 * Carried forward from the student's activations: the notes' ∂J/∂z = a − y enters as the upstream gradient of z,
 * and tf.grads differentiates z(w, b) (the vector–Jacobian product tfjs uses for backprop).
 */
export function gradientFromActivations(p: LogisticParams, a: number[], which: number | 'b'): number {
  return runTf(() => {
    const dz = tf.sub(tf.tensor1d(a), tf.tensor1d(p.Y));
    const [dw, db] = tf.grads((w: tf.Tensor, b: tf.Tensor) => logits(p, w, b))([tf.tensor1d(p.w), tf.scalar(p.b)], dz) as [
      tf.Tensor,
      tf.Tensor,
    ];
    return which === 'b' ? toNumber(db) : toVector(dw)[which]!;
  });
}
