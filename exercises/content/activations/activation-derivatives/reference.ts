import { runTf, tf, toNumber } from '../../../src/tf';
import type { ActivationParams } from './variants';

/** Each derivative by tf.grad of the activation itself. */
export function solve(p: ActivationParams): Record<string, number> {
  return runTf(() => {
    const at = (h: (z: tf.Tensor) => tf.Tensor) => toNumber(tf.grad(h)(tf.scalar(p.z)));
    return {
      d_sigmoid: at(tf.sigmoid),
      d_tanh: at(tf.tanh),
      d_relu: at(tf.relu),
      d_leaky_relu: at((z) => tf.leakyRelu(z, p.alpha)),
      d_softplus: at(tf.softplus),
    };
  });
}
