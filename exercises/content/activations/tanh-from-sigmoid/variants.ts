import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export interface TanhParams extends Record<string, unknown> {
  x: number;
}

export const variants: Variants<TanhParams> = {
  canonical: { x: 0.5 },
  generate: (rng) => {
    let x = 0;
    while (x === 0) x = rng.rounded(-2, 2, 1);
    return { x };
  },
  display: (p) => ({ x: formatNumber(p.x) }),
};
