import { runTf, tf, toNumber } from '../../../src/tf';
import type { MinibatchParams } from './variants';

/** Mean squared error of ŷ = w x + b over the given rows. */
function loss(p: MinibatchParams, rows: number[], w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const x = tf.tensor1d(rows.map((i) => p.x[i]!));
  const y = tf.tensor1d(rows.map((i) => p.y[i]!));
  return tf.mean(tf.square(tf.sub(tf.add(tf.mul(w, x), b), y)));
}

/** One gradient step on one batch, from (w, b): tf.grads for both partial derivatives. */
export function batchStep(p: MinibatchParams, batch: 0 | 1, w: number, b: number): { w: number; b: number } {
  return runTf(() => {
    const [dw, db] = tf.grads((wt: tf.Tensor, bt: tf.Tensor) => loss(p, p.batches[batch], wt, bt))([tf.scalar(w), tf.scalar(b)]) as [
      tf.Tensor,
      tf.Tensor,
    ];
    return { w: toNumber(tf.sub(w, tf.mul(p.lr, dw))), b: toNumber(tf.sub(b, tf.mul(p.lr, db))) };
  });
}

export function fullLoss(p: MinibatchParams, w: number, b: number): number {
  return runTf(() => toNumber(loss(p, [0, 1, 2, 3, 4, 5, 6, 7], tf.scalar(w), tf.scalar(b))));
}

export function solve(p: MinibatchParams): Record<string, number> {
  const first = batchStep(p, 0, p.w, p.b);
  const second = batchStep(p, 1, first.w, first.b);
  return { w_1: first.w, b_1: first.b, w_2: second.w, b_2: second.b, J_epoch: fullLoss(p, second.w, second.b) };
}
