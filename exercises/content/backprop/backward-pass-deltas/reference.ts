import { runTf, tf, toVector } from '../../../src/tf';
import type { DeltasParams } from './variants';

const mv = (W: number[][], v: tf.Tensor) => tf.matMul(tf.tensor2d(W), v.reshape([-1, 1])).reshape([-1]);

/** The network from a(r) onwards: a(r) ↦ a(r+1). */
const nextPreActivation = (p: DeltasParams, r: 1 | 2) => (a: tf.Tensor) => mv(r === 1 ? p.W2 : p.W3, tf.relu(a));

export function solve(p: DeltasParams): Record<string, number> {
  return runTf(() => {
    const t = tf.tensor1d(p.t);
    const a1 = mv(p.W1, tf.tensor1d(p.x));
    const a2 = nextPreActivation(p, 1)(a1);
    const a3 = nextPreActivation(p, 2)(a2);
    const lossFrom3 = (a: tf.Tensor) => tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(a))));
    // δ(r) = ∂L/∂a(r): tf.grad of the loss as a function of each layer's pre-activation.
    const d3 = toVector(tf.grad(lossFrom3)(a3));
    const d2 = toVector(tf.grad((a: tf.Tensor) => lossFrom3(nextPreActivation(p, 2)(a)))(a2));
    const d1 = toVector(tf.grad((a: tf.Tensor) => lossFrom3(nextPreActivation(p, 2)(nextPreActivation(p, 1)(a))))(a1));
    const y = toVector(tf.softmax(a3));
    return {
      y_1: y[0]!,
      y_2: y[1]!,
      delta3_1: d3[0]!,
      delta3_2: d3[1]!,
      delta2_1: d2[0]!,
      delta2_2: d2[1]!,
      delta1_1: d1[0]!,
      delta1_2: d1[1]!,
    };
  });
}

/** Pre-activations of layer r (from the givens), needed to back-propagate a student's delta. */
function preActivation(p: DeltasParams, r: 1 | 2): tf.Tensor {
  const a1 = mv(p.W1, tf.tensor1d(p.x));
  return r === 1 ? a1 : nextPreActivation(p, 1)(a1);
}

/** δ(r) from the student's δ(r+1): the vector–Jacobian product of a(r) ↦ a(r+1) by tf.grad with dy = δ(r+1). */
export function deltaFromAbove(p: DeltasParams, r: 1 | 2, deltaAbove: number[], index: 0 | 1): number {
  return runTf(() => toVector(tf.grad(nextPreActivation(p, r))(preActivation(p, r), tf.tensor1d(deltaAbove)))[index]!);
}

/** δ(3) from the student's outputs y (softmax(log y) = y/Σy). */
export function outputDelta(p: DeltasParams, y: number[], index: 0 | 1): number {
  return runTf(() => {
    const t = tf.tensor1d(p.t);
    return toVector(tf.grad((a: tf.Tensor) => tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(a)))))(tf.log(tf.tensor1d(y))))[index]!;
  });
}
