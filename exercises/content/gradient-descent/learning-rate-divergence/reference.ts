import { runTf, tf, toNumber } from '../../../src/tf';
import type { LearningRateParams } from './variants';

const STEPS = 3;

function loss(p: LearningRateParams, w: tf.Tensor): tf.Tensor {
  return tf.mul(p.a, tf.square(tf.sub(w, p.c)));
}

/** w after STEPS gradient-descent steps with learning rate `rate`, gradients by tf.grad. */
function descend(p: LearningRateParams, rate: number): tf.Tensor {
  const gradient = tf.grad((w: tf.Tensor) => loss(p, w));
  let w: tf.Tensor = tf.scalar(p.w0);
  for (let step = 0; step < STEPS; step++) w = tf.sub(w, tf.mul(rate, gradient(w)));
  return w;
}

export function solve(p: LearningRateParams): Record<string, number> {
  return runTf(() => {
    // Gradient descent on a quadratic converges iff α < 2 / J''(w): the second derivative by nested tf.grad.
    const curvature = tf.grad((w: tf.Tensor) => tf.grad((v: tf.Tensor) => loss(p, v))(w))(tf.scalar(p.w0));
    const [small, good, large] = p.rates.map((rate) => descend(p, rate)) as [tf.Tensor, tf.Tensor, tf.Tensor];
    return {
      alpha_max: toNumber(tf.div(2, curvature)),
      w3_small: toNumber(small),
      w3_good: toNumber(good),
      w3_large: toNumber(large),
      J3_large: toNumber(loss(p, large)),
    };
  });
}
