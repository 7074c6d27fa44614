import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode, withCorrectForward } from './harness';

it('truncates a console flood and still grades the result', async () => {
  const result = await gradeCode(withCorrectForward('', "for (let i = 0; i < 20000; i++) console.log('spam'.repeat(50), i);"));
  expect(result.error).toBeUndefined();
  expect(result.passed).toBe(true);
  expect(result.logs?.length ?? 0).toBeLessThan(10_000);
  expect(result.logs).toMatch(/more console calls dropped/);
  await expectNextSubmissionPasses();
});

it('an endless console loop is a timeout', async () => {
  const result = await gradeCode("export function forward() { for (;;) console.log('spam'); }");
  expect(result.error?.kind).toBe('timeout');
  await expectNextSubmissionPasses();
});
