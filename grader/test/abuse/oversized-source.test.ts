import { sourceLimitBytes, utf8Bytes } from '@deltalab/exercises/rules';
import { getExercise } from '@deltalab/exercises';
import { expect, it } from 'vitest';
import { EXERCISE, expectNextSubmissionPasses, gradeCode, withCorrectForward } from './harness';

const exercise = getExercise(EXERCISE);
if (exercise.kind !== 'code') throw new Error(`${EXERCISE} is not a code exercise`);
const limit = sourceLimitBytes(exercise.limits);

/** A correct forward pass padded with a comment to exactly `bytes` UTF-8 bytes. */
function paddedTo(bytes: number): string {
  const code = withCorrectForward('');
  return `// ${'x'.repeat(bytes - utf8Bytes(code) - 4)}\n${code}`;
}

it('refuses source over the size limit before compiling it', async () => {
  const padding = `// ${'x'.repeat(120_000)}\n`;
  const result = await gradeCode(padding + withCorrectForward(''));
  expect(result.error?.kind).toBe('source too large');
  expect(result.error?.message).toMatch(/the limit is 102400 bytes/);
  await expectNextSubmissionPasses();
});

it('grades source up to the limit the web enforces (sourceKb × 1024 bytes), and refuses one byte more', async () => {
  const atLimit = paddedTo(limit);
  expect(utf8Bytes(atLimit)).toBe(limit);
  expect(await gradeCode(atLimit)).toMatchObject({ score: 1, passed: true });
  expect((await gradeCode(paddedTo(limit + 1))).error?.kind).toBe('source too large');
});
