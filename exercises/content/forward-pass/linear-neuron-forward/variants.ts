import type { Variants } from '../../../src/definition';
import { formatNumber, latexColumn } from '../../../src/format';

export interface LinearNeuronParams extends Record<string, unknown> {
  w: number[];
  b: number;
  x: number[];
  activation: 'sigmoid' | 'relu' | 'tanh';
}

const names = { sigmoid: 'the sigmoid $\\sigma(z) = 1/(1+e^{-z})$', relu: 'ReLU, $\\max(0, z)$', tanh: '$\\tanh$' } as const;

export const variants: Variants<LinearNeuronParams> = {
  // The notes' weights and bias; they print no input, so x = [1, 2, 3, 4].
  canonical: { w: [0.32, 0.3, -0.21, 0.002], b: 0, x: [1, 2, 3, 4], activation: 'sigmoid' },
  generate: (rng) => {
    const activation = rng.pick(['sigmoid', 'relu', 'tanh'] as const);
    for (;;) {
      const p = {
        w: [0, 1, 2, 3].map(() => rng.rounded(-0.5, 0.5, 2)),
        b: rng.rounded(-0.5, 0.5, 1),
        x: [0, 1, 2, 3].map(() => rng.int(-3, 5)),
        activation,
      };
      const z = p.w.reduce((s, w, i) => s + w * p.x[i]!, p.b);
      // A ReLU of a negative z is 0 whatever the arithmetic: keep z positive there, and away from 0 elsewhere.
      if (Math.abs(z) > 0.05 && (activation !== 'relu' || z > 0)) return p;
    }
  },
  display: (p) => ({ w: latexColumn(p.w), b: formatNumber(p.b), x: latexColumn(p.x), activationName: names[p.activation] }),
};
