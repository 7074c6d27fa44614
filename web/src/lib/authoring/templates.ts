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

/** A small working code exercise (ReLU of a vector) with every file a code exercise needs. */
export const codeTemplate = {
  statement: `Write \`relu(x)\`: the rectified linear unit applied to every element, $\\mathrm{relu}(z) = \\max(0, z)$.

For example, $\\mathrm{relu}([{{example}}]) = [{{exampleOut}}]$.
`,
  variants: `import { fixedVariants } from '../../../src/definition';

// The cases are drawn per student from the variant's seed; the givens shown in the statement are fixed.
export const variants = fixedVariants({}, { example: '-1, 0, 2', exampleOut: '0, 0, 2' });
`,
  reference: `import { runTf, tf, toVector } from '../../../src/tf';

export const reference = {
  relu: (x: number[]) => runTf(() => toVector(tf.relu(tf.tensor1d(x)))),
};
`,
  entries: [{ name: 'relu', signature: 'export function relu(x: number[]): number[]' }],
  starter: `export const starter = \`export function relu(x: number[]): number[] {
  return x;
}
\`;
`,
  cases: `import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';

export function visible(): CodeCase[] {
  return [{ name: 'small vector', entry: 'relu', args: [[-1, 0, 2]] }];
}

/** Every hidden case holds a negative value, so code that forgets the ReLU fails each one. */
export function hidden(_params: unknown, rng: Rng): CodeCase[] {
  return Array.from({ length: 6 }, (_, i) => {
    const x = Array.from({ length: 3 + i }, () => rng.rounded(-5, 5, 2));
    x[i % x.length] = -Math.abs(x[i % x.length]!) - 0.5;
    return { name: \`vector \${i + 1}\`, entry: 'relu', args: [x] };
  });
}
`,
  mistakes: `import type { Mistake } from '../../../src/definition';

export const mistakes: Mistake[] = [
  { id: 'output-activation-not-applied', message: 'The ReLU is not applied: negative inputs must become 0.', solve: (x: number[]) => [...x] },
];
`,
  solution: `export function relu(x: number[]): number[] {
  return x.map((v) => Math.max(0, v));
}
`,
  knownWrong: `export function relu(x: number[]): number[] {
  return [...x];
}
`,
  knownWrongMistake: 'output-activation-not-applied' as const,
};
