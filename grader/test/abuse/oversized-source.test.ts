import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode, withCorrectForward } from './harness';

it('refuses source over the size limit before compiling it', async () => {
  const padding = `// ${'x'.repeat(120_000)}\n`;
  const result = await gradeCode(padding + withCorrectForward(''));
  expect(result.error?.kind).toBe('source too large');
  expect(result.error?.message).toMatch(/the limit is 100000 bytes/);
  await expectNextSubmissionPasses();
});
