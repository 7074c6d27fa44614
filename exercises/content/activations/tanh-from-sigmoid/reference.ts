import { runTf, tf, toNumber } from '../../../src/tf';
import type { TanhParams } from './variants';

export function solve(p: TanhParams): Record<string, number> {
  return runTf(() => {
    const s = tf.sigmoid(tf.scalar(2 * p.x));
    return {
      sigma_2x: toNumber(s),
      scaled_sigmoid: toNumber(tf.sub(tf.mul(2, s), 1)),
      tanh_x: toNumber(tf.tanh(tf.scalar(p.x))),
    };
  });
}

export function scaledSigmoid(sigma2x: number): number {
  return runTf(() => toNumber(tf.sub(tf.mul(2, tf.scalar(sigma2x)), 1)));
}
