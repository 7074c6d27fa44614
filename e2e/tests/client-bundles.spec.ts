import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot, servedWebDirEnvVar, webDir } from '../server';

/**
 * Issue 12: nothing that grades a student reaches the browser. The built client bundles (.next/static) must hold no
 * reference solution, known-wrong file, hidden-case generator, variant generator or mistake catalogue: neither as
 * source text (a raw import, a file read into a string) nor as code (a module bundled by mistake, recognisable by
 * its string literals, which minifiers keep). Starter code and statements are the student's anyway.
 */
const secretFiles = ['reference.ts', 'solution.ts', 'known-wrong.ts', 'cases.ts', 'variants.ts', 'mistakes.ts', 'definition.ts'];

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(entry) ? [path] : [];
  });
}

/** Lines of code long enough to be telling (not imports, comments or punctuation). */
function telltaleLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 40 && !/^(import|export \{|\/\/|\*|\/\*)/.test(line));
}

/** String literals long enough to be telling: what a bundled module would still carry after minification. */
function telltaleStrings(source: string): string[] {
  return [...source.matchAll(/'((?:[^'\\\n]|\\.){16,})'|"((?:[^"\\\n]|\\.){16,})"/g)]
    .map((m) => (m[1] ?? m[2])!)
    .filter((text) => !text.includes('\\') && !/^[./@]/.test(text) && !/^[\w-]+$/.test(text));
}

test('the client bundles hold no reference, solution, hidden case, variant generator or mistake catalogue', () => {
  const staticDir = join(process.env[servedWebDirEnvVar] ?? webDir, '.next', 'static');
  expect(existsSync(staticDir), `no build at ${staticDir}: npm run build -w @deltalab/web`).toBe(true);
  const bundles = filesUnder(staticDir, (name) => name.endsWith('.js')).map((file) => ({
    file: relative(staticDir, file),
    text: readFileSync(file, 'utf8'),
  }));
  expect(bundles.length).toBeGreaterThan(10);
  const shipped = (needle: string) => bundles.find((b) => b.text.includes(needle))?.file;

  // The scan sees what is there: a message of the exercise page, and the grading rules the page shares.
  expect(shipped('Could not reach the server. Check your connection and try again.')).toBeTruthy();
  expect(shipped('significant figure')).toBeTruthy();

  const exerciseFiles = filesUnder(join(repoRoot, 'exercises', 'content'), (name) => secretFiles.includes(name));
  expect(exerciseFiles.length).toBeGreaterThan(100);
  const leaks: string[] = [];
  let checked = 0;
  for (const file of exerciseFiles) {
    const source = readFileSync(file, 'utf8');
    for (const needle of [...telltaleLines(source), ...telltaleStrings(source)]) {
      checked++;
      const where = shipped(needle);
      if (where) leaks.push(`${relative(repoRoot, file)}: "${needle.slice(0, 80)}" is in ${where}`);
    }
  }
  console.log(
    `[client-bundles] ${checked} telltale lines and strings of ${exerciseFiles.length} exercise files against ${bundles.length} bundles`,
  );
  expect(checked).toBeGreaterThan(500);
  expect(leaks).toEqual([]);
});
