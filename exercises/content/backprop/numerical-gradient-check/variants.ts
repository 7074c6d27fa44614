import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export interface GradientCheckParams extends Record<string, unknown> {
  w: number;
  b: number;
  x: number;
  t: number;
  dw: number;
}

export const variants: Variants<GradientCheckParams> = {
  canonical: { w: 0.5, b: 0.1, x: 2, t: 1, dw: 0.01 },
  generate: (rng) => {
    let x = 0;
    while (Math.abs(x) < 0.5) x = rng.rounded(-2, 2, 1);
    return { w: rng.rounded(-1, 1, 1), b: rng.rounded(-0.5, 0.5, 1), x, t: rng.int(0, 1), dw: rng.pick([0.01, 0.001]) };
  },
  display: (p) => ({ w: formatNumber(p.w), b: formatNumber(p.b), x: formatNumber(p.x), t: formatNumber(p.t), dw: formatNumber(p.dw) }),
};
