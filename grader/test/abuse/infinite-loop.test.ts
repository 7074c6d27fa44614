import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('stops an infinite loop at the time limit and keeps serving', async () => {
  const result = await gradeCode('export function forward() { while (true) {} }');
  expect(result.error?.kind).toBe('timeout');
  expect(result.error?.message).toMatch(/time limit of 2000 ms/);
  expect(result.score).toBe(0);
  await expectNextSubmissionPasses();
});
