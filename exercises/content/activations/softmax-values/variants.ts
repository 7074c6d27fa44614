import type { Variants } from '../../../src/definition';
import { latexRow } from '../../../src/format';

export interface SoftmaxParams extends Record<string, unknown> {
  logits: number[];
}

export const variants: Variants<SoftmaxParams> = {
  canonical: { logits: [2, 1, 0.1] },
  generate: (rng) => ({ logits: [rng.rounded(-3, 3, 1), rng.rounded(-3, 3, 1), rng.rounded(-3, 3, 1)] }),
  display: (p) => ({ logits: latexRow(p.logits) }),
};
