import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { CceParams } from './variants';

const crossEntropy = (t: tf.Tensor, a: tf.Tensor) => tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(a))));

export function solve(p: CceParams): Record<string, number> {
  return runTf(() => {
    const t = tf.tensor1d(p.t);
    const a = tf.tensor1d(p.a);
    const [y_1, y_2, y_3] = toVector(tf.softmax(a)) as [number, number, number];
    const [dL_da1, dL_da2, dL_da3] = toVector(tf.grad((x: tf.Tensor) => crossEntropy(t, x))(a)) as [number, number, number];
    return { y_1, y_2, y_3, loss: toNumber(crossEntropy(t, a)), dL_da1, dL_da2, dL_da3 };
  });
}

/** −Σ t log y from the student's y. */
export function lossFromOutputs(p: CceParams, y: number[]): number {
  return runTf(() => toNumber(tf.neg(tf.sum(tf.mul(tf.tensor1d(p.t), tf.log(tf.tensor1d(y)))))));
}

/** ∂L/∂a_k at scores whose softmax is the student's y (a = log y), by tf.grad. */
export function gradientFromOutputs(p: CceParams, y: number[], k: number): number {
  return runTf(() => toVector(tf.grad((a: tf.Tensor) => crossEntropy(tf.tensor1d(p.t), a))(tf.log(tf.tensor1d(y))))[k]!);
}
