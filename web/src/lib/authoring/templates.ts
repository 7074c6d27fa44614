/**
 * What a new exercise starts from in the authoring page: a small working numeric exercise (one sigmoid neuron) the
 * instructor edits, so Validate passes before anything is changed and every file shows its expected shape.
 */
export const numericTemplate = {
  statement: `A neuron with weight $w = {{w}}$ and bias $b = {{b}}$ receives the input $x = {{x}}$.

Compute its output $y = \\sigma(w x + b)$, with $\\sigma(z) = \\dfrac{1}{1 + e^{-z}}$.
`,
  variants: `import { formatNumber } from '../../../src/format';
import type { Variants } from '../../../src/definition';

export interface NeuronParams extends Record<string, unknown> {
  w: number;
  b: number;
  x: number;
}

export const variants: Variants<NeuronParams> = {
  canonical: { w: 0.5, b: 0.1, x: 2 },
  // Only rng: every student gets their own numbers, the same ones every time.
  generate: (rng) => ({ w: rng.rounded(-2, 2, 1), b: rng.rounded(-1, 1, 1), x: rng.rounded(-3, 3, 1) }),
  display: (p) => ({ w: formatNumber(p.w), b: formatNumber(p.b), x: formatNumber(p.x) }),
};
`,
  reference: `import { runTf, tf, toNumber } from '../../../src/tf';
import type { NeuronParams } from './variants';

/** Every field's value, computed with tfjs. */
export function solve(p: NeuronParams): Record<string, number> {
  return { y: runTf(() => toNumber(tf.sigmoid(tf.scalar(p.w * p.x + p.b)))) };
}
`,
  fields: [{ name: 'y', label: '$y$', tolerance: { mode: 'sigfigs' as const, digits: 3 }, plausible: { min: 0, max: 1 } }],
};
