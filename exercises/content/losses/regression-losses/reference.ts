import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { RegressionLossParams } from './variants';

export function solve(p: RegressionLossParams): Record<string, number> {
  return runTf(() => {
    const y = tf.tensor1d(p.y);
    const mse = (yHat: tf.Tensor) => tf.mean(tf.square(tf.sub(y, yHat)));
    const yHat = tf.tensor1d(p.yHat);
    return {
      mse: toNumber(mse(yHat)),
      mae: toNumber(tf.mean(tf.abs(tf.sub(y, yHat)))),
      dmse_dyhat1: toVector(tf.grad(mse)(yHat))[0]!,
    };
  });
}
