import { runTf, tf, toNumber } from '../../../src/tf';
import type { PerceptronParams } from './variants';

/** ŷ = σ(w0 + xᵀW), in tfjs. */
function perceptronOutput(p: PerceptronParams): number {
  return runTf(() => toNumber(tf.sigmoid(tf.add(p.w0, tf.dot(tf.tensor1d(p.x), tf.tensor1d(p.W))))));
}

export function solve(p: PerceptronParams): Record<string, number> {
  return { y_hat: perceptronOutput(p) };
}
