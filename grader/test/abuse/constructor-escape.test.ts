import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it.each([
  ["this.constructor.constructor('return process')()", /process is not defined/],
  ["(function () {}).constructor('return process')().env", /process is not defined/],
  ["(async () => {}).constructor('return require')()", /require is not defined|Promise/],
  ["Object.getPrototypeOf(() => {}).constructor('return globalThis.process.mainModule')()", /Cannot read properties of undefined/],
  ['[].constructor.constructor(\'return require("child_process")\')()', /require is not defined/],
])('%s reaches nothing of Node', async (expression, message) => {
  const result = await gradeCode(`export function forward(this: any) { return ${expression}; }`);
  expect(result.score).toBe(0);
  const messages = [result.error?.message ?? '', ...(result.cases ?? []).map((c) => c.message ?? '')].join('\n');
  expect(messages).toMatch(message);
  await expectNextSubmissionPasses();
});

it('finds no Node globals, timers, network or workers', async () => {
  const result = await gradeCode(`
    export function forward() {
      const g = globalThis as any;
      return ['process', 'require', 'module', 'Buffer', 'fetch', 'setTimeout', 'setInterval', 'setImmediate',
              'queueMicrotask', 'Worker', 'XMLHttpRequest', 'WebSocket', 'SharedArrayBuffer']
        .filter((name) => typeof g[name] !== 'undefined');
    }`);
  // the returned list is what leaked; the reference is numbers, so any leak shows in the first visible case
  const first = result.cases?.[0];
  expect(first?.hidden).toBe(false);
  expect(first?.actual).toEqual([]);
  await expectNextSubmissionPasses();
});
