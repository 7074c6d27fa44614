import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('refuses an output larger than the limit', async () => {
  const result = await gradeCode('export function forward() { return new Array(2_000_000).fill(0.5); }');
  expect(result.error?.kind).toBe('output');
  expect(result.error?.message).toMatch(/larger than the limit/);
  await expectNextSubmissionPasses();
});

it('refuses a string bomb in the output', async () => {
  const result = await gradeCode("export function forward() { return ['x'.repeat(5_000_000)]; }");
  expect(result.error?.kind).toBe('output');
  await expectNextSubmissionPasses();
});
