import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { ForwardPassParams } from './variants';

/** The whole forward pass in tfjs: z(2), a(2), z(3), a(3). */
export function solve(p: ForwardPassParams): Record<string, number> {
  return runTf(() => {
    const layer = (W: number[][], b: number[], a: tf.Tensor) =>
      tf.add(tf.matMul(tf.tensor2d(W), a.reshape([-1, 1])).reshape([-1]), tf.tensor1d(b));
    const z2 = layer(p.W2, p.b2, tf.tensor1d(p.x));
    const a2 = tf.sigmoid(z2);
    const z3 = layer(p.W3, p.b3, a2);
    const a3 = tf.sigmoid(z3);
    const [z2_1, z2_2] = toVector(z2) as [number, number];
    const [a2_1, a2_2] = toVector(a2) as [number, number];
    const [z3_1, z3_2] = toVector(z3) as [number, number];
    const [a3_1, a3_2] = toVector(a3) as [number, number];
    return { z2_1, z2_2, a2_1, a2_2, z3_1, z3_2, a3_1, a3_2 };
  });
}

/** a = h(z) from a given net input (carried forward from the student's z). */
export function sigmoidOf(z: number): number {
  return runTf(() => toNumber(tf.sigmoid(tf.scalar(z))));
}

/** z_i(3) = Σ_j W(3)_ij a_j(2) + b_i(3) from given hidden activations. */
export function outputNetInput(p: ForwardPassParams, i: 0 | 1, a2: [number, number]): number {
  return runTf(() => toNumber(tf.add(tf.dot(tf.tensor1d(p.W3[i]!), tf.tensor1d(a2)), p.b3[i]!)));
}
