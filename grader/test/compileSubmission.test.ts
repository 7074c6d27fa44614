import { expect, it } from 'vitest';
import { compileSubmission } from '../src/sandbox/compileSubmission';

const options = { sourceBytes: 100_000, allowTf: true };
const plain = 'export function double(x: number): number { return 2 * x; }';

/** Runs a compiled submission the way the sandbox does: a classic script that hands its exports to the bridge. */
function exportsOf(code: string): Record<string, (...args: unknown[]) => unknown> {
  let registered: Record<string, (...args: unknown[]) => unknown> = {};
  new Function('__deltalab', 'globalThis', code)({ register: (e: typeof registered) => (registered = e) }, { tf: { marker: 'tf' } });
  return registered;
}

it('compiles code that names no module without bundling, to the same kind of script', async () => {
  const compiled = await compileSubmission(plain, options);
  expect(compiled.ok).toBe(true);
  if (!compiled.ok) return;
  expect(compiled.code).not.toMatch(/\bimport\b|require/);
  expect(exportsOf(compiled.code).double!(21)).toBe(42);
});

it("compiles code that names no module in this process: TypeScript's constructs, the student's lines, esbuild's semantics", async () => {
  const source = [
    'type Row = number[];',
    'enum Mode { Sum, Max }',
    'class Scaler { constructor(private readonly k: number) {} apply(v: number) { return this.k * v; } }',
    'export const scale = <T extends number>(v: T, k = 2): number => new Scaler(k).apply(v);',
    'export function reduce(row: Row, mode: Mode = Mode.Sum): number {',
    '  return mode === Mode.Sum ? row.reduce((s, v) => s + v, 0) : Math.max(...row);',
    '}',
    'export function sloppy(v: number) { leaked = v; return (globalThis as any).leaked ?? leaked; }',
    "export function where() { return new Error('here').stack!.split('\\n')[1]; }",
    'export default { answer: 42 } satisfies { answer: number };',
  ].join('\n');
  const compiled = await compileSubmission(source, options);
  expect(compiled.ok).toBe(true);
  if (!compiled.ok) return;
  expect(compiled.code).not.toMatch(/__export|__toCommonJS/); // not esbuild's script
  const exported = exportsOf(compiled.code);
  expect(exported.scale!(21)).toBe(42);
  expect(exported.reduce!([1, 5, 2])).toBe(8);
  expect(exported.reduce!([1, 5, 2], 1)).toBe(5);
  // Not strict, as esbuild's script is not: an undeclared name is assigned, not a ReferenceError.
  expect(exported.sloppy!(7)).toBe(7);
  expect(exported.default).toEqual({ answer: 42 });
  // A frame in the module is on the line the student wrote it (9), not somewhere in a bundle.
  const lineOffset = 2; // new Function's own two lines above the body
  expect(Number(/:(\d+):\d+\)?$/.exec(String(exported.where!()))![1]) - lineOffset).toBe(9);
});

it('leaves code over 8 kB to esbuild (sucrase would hold up the supervising thread)', async () => {
  const padding = `// ${'x'.repeat(100)}\n`.repeat(90);
  const compiled = await compileSubmission(`${padding}${plain}`, options);
  expect(compiled.ok).toBe(true);
  if (!compiled.ok) return;
  expect(compiled.code).toMatch(/__export/); // esbuild's script
  expect(exportsOf(compiled.code).double!(21)).toBe(42);
});

it('bundles code that imports tfjs, and refuses any other module, whichever path it takes', async () => {
  const withTf = await compileSubmission(
    `import * as tf from '@tensorflow/tfjs';\nexport function which() { return (tf as any).marker; }`,
    options,
  );
  expect(withTf.ok).toBe(true);
  if (withTf.ok) expect(exportsOf(withTf.code).which!()).toBe('tf');
  // (Used: TypeScript drops an import nothing uses.)
  const uses = 'export function read() { return fs; }';
  for (const source of [
    `import fs from 'node:fs'; ${uses}`,
    `export { readFileSync } from 'node:fs'; ${plain}`,
    `const fs = require('fs'); ${uses}`,
  ]) {
    const refused = await compileSubmission(source, options);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(new RegExp("Cannot import '(node:)?fs'")) });
  }
});

it('reports a syntax error with its line and column on either path', async () => {
  for (const source of ['export function f( {', '// imports nothing\nexport function f( {']) {
    const compiled = await compileSubmission(source, options);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/line \d+, column \d+/) });
  }
  // Code that names no module is compiled in this process, but refused by esbuild, whose messages say more.
  const compiled = await compileSubmission('export function f(x: number[]) {\n  return x.map((v) => v * 2;\n}\n', options);
  expect(compiled).toEqual({
    ok: false,
    error: { kind: 'syntax', message: 'Syntax error at line 2, column 28: Expected ")" but found ";"\n    return x.map((v) => v * 2;' },
  });
});
