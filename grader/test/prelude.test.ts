import { expect, it } from 'vitest';
import { preludeScript } from '../src/sandbox/bridge';

it('compiles prelude.ts into a self-contained strict script for the isolate: no imports, no bundler helpers', () => {
  const script = preludeScript();
  expect(script.startsWith("'use strict';\n(() => {")).toBe(true);
  expect(script).not.toMatch(/\brequire\(|^\s*(import|export)\b|\bimport\(/m);
  // esbuild helpers (__name, __publicField, …) would be undefined in the isolate.
  expect(script).not.toMatch(/\b__[a-zA-Z]+\(/);
  expect(script).toContain('defineProperty(g, "__deltalab"');
  expect(preludeScript()).toBe(script); // compiled once per process
});
