import type { Variants } from '../../../src/definition';

export interface InitScalesParams extends Record<string, unknown> {
  /** Inputs of the layer (m in the notes). */
  fanIn: number;
  /** Units of the layer. */
  fanOut: number;
}

const sizes = [2, 3, 4, 5, 8, 10, 12, 16, 20, 32, 50, 64, 100, 128, 256, 784];

export const variants: Variants<InitScalesParams> = {
  // The notes' Keras example: Dense(12, input_dim=8, init='uniform', activation='relu').
  canonical: { fanIn: 8, fanOut: 12 },
  generate: (rng) => {
    const fanIn = rng.pick(sizes);
    let fanOut = rng.pick(sizes);
    while (fanOut === fanIn) fanOut = rng.pick(sizes);
    return { fanIn, fanOut };
  },
  display: (p) => ({ fanIn: String(p.fanIn), fanOut: String(p.fanOut) }),
};
