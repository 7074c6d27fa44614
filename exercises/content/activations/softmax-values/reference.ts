import { runTf, tf, toNumber, toVector } from '../../../src/tf';
import type { SoftmaxParams } from './variants';

export function solve(p: SoftmaxParams): Record<string, number> {
  return runTf(() => {
    const y = tf.softmax(tf.tensor1d(p.logits));
    const [y_1, y_2, y_3] = toVector(y) as [number, number, number];
    return { y_1, y_2, y_3, sum: toNumber(tf.sum(y)) };
  });
}

export function sumOf(values: number[]): number {
  return runTf(() => toNumber(tf.sum(tf.tensor1d(values))));
}
