import { runTf, tf, toNumber } from '../../../src/tf';
import type { ActivationParams } from './variants';

export function solve(p: ActivationParams): Record<string, number> {
  return runTf(() => {
    const z = tf.scalar(p.z);
    return {
      sigmoid: toNumber(tf.sigmoid(z)),
      tanh: toNumber(tf.tanh(z)),
      relu: toNumber(tf.relu(z)),
      leaky_relu: toNumber(tf.leakyRelu(z, p.alpha)),
      softplus: toNumber(tf.softplus(z)),
    };
  });
}
