import { activate, runTf, tf, toNumber } from '../../../src/tf';
import type { LinearNeuronParams } from './variants';

export function solve(p: LinearNeuronParams): Record<string, number> {
  return runTf(() => {
    const z = tf.add(tf.dot(tf.tensor1d(p.w), tf.tensor1d(p.x)), p.b);
    return { z: toNumber(z), y_hat: toNumber(activate(z, p.activation)) };
  });
}

export function outputFromSum(p: LinearNeuronParams, z: number): number {
  return runTf(() => toNumber(activate(tf.scalar(z), p.activation)));
}
