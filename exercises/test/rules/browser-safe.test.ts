import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/**
 * `@deltalab/exercises/rules` is imported by Run in the browser and the numeric page (web client code): everything it
 * reaches must be free of node: modules, of tfjs, and of zod (kept out of the pages' JavaScript). Follows every
 * relative import from src/rules.ts.
 */
it('src/rules.ts reaches only its own plain TypeScript files', () => {
  const src = path.resolve(__dirname, '../../src');
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), `${specifier}.ts`));
      else external.add(specifier!);
    }
  };
  visit(path.join(src, 'rules.ts'));
  expect([...external]).toEqual([]);
  expect([...seen].map((f) => path.relative(src, f)).sort()).toEqual([
    'answerCheck.ts',
    'format.ts',
    'limits.ts',
    'rules.ts',
    'tolerance.ts',
  ]);
});

/**
 * `@deltalab/exercises/expressions` is loaded by the exercise page's "read as" preview (web client code): it may reach
 * mathjs (its parser only) and its own plain files, nothing of node:, tfjs or zod.
 */
it('src/expressions/index.ts reaches only mathjs and its own plain TypeScript files', () => {
  const src = path.resolve(__dirname, '../../src');
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), `${specifier}.ts`));
      else external.add(specifier!);
    }
  };
  visit(path.join(src, 'expressions', 'index.ts'));
  expect([...external].sort()).toEqual(['mathjs', 'mathjs/lib/browser/math.js']);
  expect([...seen].map((f) => path.relative(src, f)).sort()).toEqual([
    'expressions/equivalence.ts',
    'expressions/evaluate.ts',
    'expressions/functions.ts',
    'expressions/index.ts',
    'expressions/latexInput.ts',
    'expressions/normalise.ts',
    'expressions/parse.ts',
    'expressions/print.ts',
    'expressions/suggest.ts',
    'expressions/tree.ts',
    'random.ts',
  ]);
});
