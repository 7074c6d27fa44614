import { runTf, tf, toNumber } from '../../../src/tf';
import type { InitScalesParams } from './variants';

/** √(numerator / fans), in tfjs. */
function root(numerator: number, fans: number): number {
  return runTf(() => toNumber(tf.sqrt(tf.div(numerator, fans))));
}

/**
 * The scales of the usual initialisers for a dense layer: the notes' U(−1/√m, 1/√m), Glorot (Xavier) for
 * tanh/sigmoid, He for ReLU. Uniform ones give the limit a of U(−a, a), normal ones the standard deviation.
 */
export function solve(p: InitScalesParams): Record<string, number> {
  return {
    notes_limit: root(1, p.fanIn),
    glorot_uniform_limit: root(6, p.fanIn + p.fanOut),
    glorot_normal_std: root(2, p.fanIn + p.fanOut),
    he_uniform_limit: root(6, p.fanIn),
    he_normal_std: root(2, p.fanIn),
  };
}
