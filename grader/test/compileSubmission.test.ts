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
});
