import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { BceParams } from './variants';

export function solve(p: BceParams): Record<string, number> {
  return runTf(() => {
    const y = tf.tensor1d(p.y);
    const bce = (f: tf.Tensor) => tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(f)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, f))))));
    const f = tf.tensor1d(p.p);
    return { bce: toNumber(bce(f)), dbce_df1: toVector(tf.grad(bce)(f))[0]! };
  });
}
