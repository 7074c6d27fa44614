import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('has no SharedArrayBuffer to wait on', async () => {
  const result = await gradeCode(`
    export function forward() {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(16)), 0, 0);
      return [];
    }`);
  expect(result.score).toBe(0);
  expect(result.cases?.[0]?.message).toMatch(/SharedArrayBuffer is not defined/);
  await expectNextSubmissionPasses();
});

it('has no Atomics.wait even with shared WebAssembly memory', async () => {
  const result = await gradeCode(`
    export function forward() {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
      (Atomics as any).wait(new Int32Array(memory.buffer), 0, 0);
      return [];
    }`);
  expect(result.score).toBe(0);
  const message = result.error?.message ?? result.cases?.[0]?.message ?? '';
  expect(message).toMatch(/Atomics.wait is not a function|time limit/);
  await expectNextSubmissionPasses();
});
