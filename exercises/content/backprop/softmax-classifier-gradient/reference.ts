import { runTf, tf, toMatrix, toNumber, toVector } from '../../../src/tf';
import type { SoftmaxClassifierParams } from './variants';

function loss(p: SoftmaxClassifierParams, W: tf.Tensor, b: tf.Tensor, shift?: tf.Tensor): tf.Tensor {
  let a = tf.add(tf.matMul(W, tf.tensor2d(p.x, [2, 1])).reshape([3]), b);
  if (shift) a = tf.add(a, shift);
  return tf.neg(tf.sum(tf.mul(tf.tensor1d(p.t), tf.logSoftmax(a))));
}

export function solve(p: SoftmaxClassifierParams): Record<string, number> {
  return runTf(() => {
    const W = tf.tensor2d(p.W);
    const b = tf.tensor1d(p.b);
    const a = tf.add(tf.matMul(W, tf.tensor2d(p.x, [2, 1])).reshape([3]), b);
    const [y_1, y_2, y_3] = toVector(tf.softmax(a)) as [number, number, number];
    const [dW, db] = tf.grads((w: tf.Tensor, bias: tf.Tensor) => loss(p, w, bias))([W, b]) as [tf.Tensor, tf.Tensor];
    const g = toMatrix(dW);
    return { y_1, y_2, y_3, dL_dw11: g[0]![0]!, dL_dw22: g[1]![1]!, dL_dw31: g[2]![0]!, dL_db2: toVector(db)[1]! };
  });
}

/**
 * Carried forward: the gradient at the student's outputs y. Scores are shifted so that softmax(a) = y/Σy, then
 * tf.grads differentiates the loss w.r.t. W and b there.
 */
export function gradientFromOutputs(p: SoftmaxClassifierParams, y: number[], which: 'w11' | 'w22' | 'w31' | 'b2'): number {
  return runTf(() => {
    const W = tf.tensor2d(p.W);
    const b = tf.tensor1d(p.b);
    const a = tf.add(tf.matMul(W, tf.tensor2d(p.x, [2, 1])).reshape([3]), b);
    const shift = tf.sub(tf.log(tf.tensor1d(y)), a);
    const [dW, db] = tf.grads((w: tf.Tensor, bias: tf.Tensor) => loss(p, w, bias, shift))([W, b]) as [tf.Tensor, tf.Tensor];
    const g = toMatrix(dW);
    if (which === 'b2') return toNumber(db.slice(1, 1));
    const [k, j] = which === 'w11' ? [0, 0] : which === 'w22' ? [1, 1] : [2, 0];
    return g[k]![j]!;
  });
}
