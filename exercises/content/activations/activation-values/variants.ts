import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export interface ActivationParams extends Record<string, unknown> {
  z: number;
  alpha: number;
}

export const variants: Variants<ActivationParams> = {
  // The notes print no value here; z = −0.5 shows every function's negative side.
  canonical: { z: -0.5, alpha: 0.01 },
  generate: (rng) => {
    let z = 0;
    while (z === 0) z = rng.rounded(-3, 3, 1);
    return { z, alpha: rng.pick([0.01, 0.1, 0.2, 0.3]) };
  },
  display: (p) => ({ z: formatNumber(p.z), alpha: formatNumber(p.alpha) }),
};
