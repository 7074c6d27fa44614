import { hashFiles } from '@deltalab/exercises';
import type { ExerciseFolder } from '../../../src';

/**
 * Two small authored exercises the attacks start from: each attack replaces some of their files. Both are sound
 * (they validate), so whatever an attack gets refused for is the attack's doing.
 */
const numeric: Record<string, string> = {
  'statement.md': 'A neuron has weight $w = {{w}}$ and bias $b = {{b}}$. Compute $z = w x + b$ and $a = \\sigma(z)$ for $x = {{x}}$.\n',
  'variants.ts': `import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export type P = { w: number; b: number; x: number };
export const variants: Variants<P> = {
  canonical: { w: 0.5, b: -1, x: 2 },
  generate: (rng) => ({ w: rng.int(1, 9) / 10, b: rng.int(-5, 5) / 10, x: rng.int(1, 4) }),
  display: (p) => ({ w: formatNumber(p.w), b: formatNumber(p.b), x: formatNumber(p.x) }),
};
`,
  'reference.ts': `import { runTf, tf, toNumber } from '../../../src/tf';
import type { P } from './variants';

export function z(p: P): number {
  return p.w * p.x + p.b;
}
export function solve(p: P): Record<string, number> {
  return { z: z(p), a: runTf(() => toNumber(tf.sigmoid(tf.scalar(z(p))))) };
}
`,
  'definition.ts': `import { defineExercise } from '../../../src/definition';
import { runTf, tf, toNumber } from '../../../src/tf';
import { solve } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'site-neuron',
  title: 'A neuron',
  topic: 'forward-pass',
  order: 1,
  points: 1,
  summary: 'z and a of one sigmoid neuron.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'z', label: '$z$' },
    { name: 'a', label: '$a$', plausible: { min: 0, max: 1, open: true }, derive: { from: ['z'], compute: (_p, u) => runTf(() => toNumber(tf.sigmoid(tf.scalar(u.z!)))) } },
  ],
  solve,
});
`,
};

const code: Record<string, string> = {
  'statement.md': 'Write `double(x)`, which returns twice each entry of `x`.\n',
  'variants.ts': `import { fixedVariants } from '../../../src/definition';\nexport const variants = fixedVariants({});\n`,
  'reference.ts': `export const reference = { double: (x: number[]) => x.map((v) => 2 * v) };\n`,
  'cases.ts': `import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';
export const visible = (): CodeCase[] => [{ name: 'three', entry: 'double', args: [[1, 2, 3]] }];
export const hidden = (_p: unknown, rng: Rng): CodeCase[] =>
  Array.from({ length: 4 }, (_, i) => ({ name: 'random ' + i, entry: 'double', args: [Array.from({ length: 3 + i }, () => rng.int(-9, 9))] }));
`,
  'mistakes.ts': `import type { Mistake } from '../../../src/definition';
export const mistakes: Mistake[] = [{ id: 'scaled-by-2', message: 'You doubled twice.', solve: (x: number[]) => x.map((v) => 4 * v) }];
`,
  'starter.ts': 'export const starter = `export function double(x: number[]): number[] {\\n  return x;\\n}\\n`;\n',
  'solution.ts': 'export function double(x: number[]): number[] {\n  return x.map((v) => 2 * v);\n}\n',
  'known-wrong.ts': 'export function double(x: number[]): number[] {\n  return x.map((v) => 4 * v);\n}\n',
  'definition.ts': `import { defineExercise } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';
import { variants } from './variants';

export default defineExercise({
  slug: 'site-double',
  title: 'Double it',
  topic: 'forward-pass',
  order: 2,
  points: 1,
  summary: 'Twice each entry.',
  kind: 'code',
  variants,
  entries: [{ name: 'double', signature: 'export function double(x: number[]): number[]' }],
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'scaled-by-2',
});
`,
};

export const baseFiles = { numeric, code };

/** A base folder with some files replaced (or added). */
export function folderOf(base: keyof typeof baseFiles, changes: Record<string, string> = {}): ExerciseFolder {
  const files = { ...baseFiles[base], ...changes };
  return { hash: hashFiles(files), files };
}
