import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('ends a job that exhausts the memory limit, replaces the isolate and keeps serving', async () => {
  const result = await gradeCode(`
    export function forward() {
      const hoard: number[][] = [];
      while (true) hoard.push(new Array(100000).fill(Math.random()));
    }`);
  expect(result.error?.kind).toBe('memory');
  expect(result.error?.message).toMatch(/memory limit of 64 MB/);
  await expectNextSubmissionPasses();
});

it('also catches memory held in typed arrays (off the JS heap)', async () => {
  const result = await gradeCode(`
    export function forward() {
      const hoard: Float64Array[] = [];
      while (true) hoard.push(new Float64Array(1 << 22)); // 32 MB each: the limit is met in a few allocations, not after seconds of zeroing on a busy machine
    }`);
  // isolated-vm's ArrayBuffer allocator counts against the same limit: the allocation fails inside the isolate
  expect(result.score).toBe(0);
  const message = result.error?.message ?? result.cases?.[0]?.message ?? '';
  expect(message).toMatch(/Array buffer allocation failed|memory limit/);
  await expectNextSubmissionPasses();
});
