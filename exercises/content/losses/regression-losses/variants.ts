import type { Variants } from '../../../src/definition';
import { latexRow } from '../../../src/format';

export interface RegressionLossParams extends Record<string, unknown> {
  y: number[];
  yHat: number[];
}

export const variants: Variants<RegressionLossParams> = {
  canonical: { y: [3, -0.5, 2, 7], yHat: [2.5, 0, 2, 8] },
  generate: (rng) => {
    const y = Array.from({ length: 4 }, () => rng.rounded(-5, 5, 1));
    // The first prediction is never exact, so ∂MSE/∂ŷ₁ is not 0.
    const yHat = y.map((v, i) => {
      let e = 0;
      while (i === 0 && e === 0) e = rng.rounded(-2, 2, 1);
      return Number((v + (i === 0 ? e : rng.rounded(-2, 2, 1))).toFixed(1));
    });
    return { y, yHat };
  },
  display: (p) => ({ y: latexRow(p.y), y_hat: latexRow(p.yHat) }),
};
