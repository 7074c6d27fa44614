import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { L2Params } from './variants';

/** MSE of the linear neuron ŷ = Xw + b, as a tfjs scalar. */
function meanSquaredError(p: L2Params, w: tf.Tensor): tf.Tensor {
  const prediction = tf.add(tf.matMul(tf.tensor2d(p.X), w.reshape([2, 1])).reshape([-1]), p.b);
  return tf.mean(tf.square(tf.sub(prediction, tf.tensor1d(p.y))));
}

/** The L2 penalty λ‖w‖² (the bias is not regularised, as with a Keras kernel_regularizer). */
function penalty(p: L2Params, w: tf.Tensor): tf.Tensor {
  return tf.mul(p.lambda, tf.sum(tf.square(w)));
}

export function solve(p: L2Params): Record<string, number> {
  return runTf(() => {
    const w = tf.tensor1d(p.w);
    const data = toVector(tf.grad((v: tf.Tensor) => meanSquaredError(p, v))(w));
    const regularised = tf.grad((v: tf.Tensor) => tf.add(meanSquaredError(p, v), penalty(p, v)))(w);
    const updated = toVector(tf.sub(w, tf.mul(p.lr, regularised)));
    const [gr1, gr2] = toVector(regularised) as [number, number];
    return { g1: data[0]!, g2: data[1]!, gr1, gr2, w1_new: updated[0]!, w2_new: updated[1]! };
  });
}

/** Carried forward: a student's data gradient plus the penalty's gradient (tf.grad of λ‖w‖²) for weight `index`. */
export function regularisedFromData(p: L2Params, index: 0 | 1, dataGradient: number): number {
  return runTf(() => {
    const penaltyGradient = toVector(tf.grad((v: tf.Tensor) => penalty(p, v))(tf.tensor1d(p.w)));
    return toNumber(tf.add(dataGradient, penaltyGradient[index]!));
  });
}

export function step(p: L2Params, index: 0 | 1, gradient: number): number {
  return runTf(() => toNumber(tf.sub(p.w[index], tf.mul(p.lr, gradient))));
}
