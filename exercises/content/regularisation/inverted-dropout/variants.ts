import type { Variants } from '../../../src/definition';
import { formatNumber, latexRow } from '../../../src/format';

export interface DropoutParams extends Record<string, unknown> {
  /** Activations entering the dropout layer. */
  a: number[];
  /** 1 = kept, 0 = dropped (the random draw, given). */
  mask: number[];
  /** Dropout rate: the probability of dropping a unit (Keras' Dropout(rate)). */
  rate: number;
  /** ∂L/∂y arriving from the layer above. */
  upstream: number[];
}

export const variants: Variants<DropoutParams> = {
  // The notes' a(2) and a(3) from the forward-pass example as four activations, and the notes' Dropout(p=0.5).
  canonical: { a: [0.7858, 0.8176, 0.6982, 0.6694], mask: [1, 0, 0, 1], rate: 0.5, upstream: [0.1, -0.2, 0.3, -0.4] },
  generate: (rng) => {
    const mask = [0, 0, 0, 0];
    // At least one kept and one dropped unit, so both cases are practised.
    while (mask.every((m) => m === mask[0])) for (let i = 0; i < 4; i++) mask[i] = rng.next() < 0.5 ? 0 : 1;
    return {
      a: Array.from({ length: 4 }, () => rng.rounded(0.05, 2, 2)),
      mask,
      rate: rng.pick([0.2, 0.25, 0.5, 0.6, 0.8]),
      upstream: Array.from({ length: 4 }, () => rng.rounded(-1, 1, 1)),
    };
  },
  display: (p) => ({
    a: latexRow(p.a),
    mask: latexRow(p.mask),
    rate: formatNumber(p.rate),
    upstream: latexRow(p.upstream),
  }),
};
