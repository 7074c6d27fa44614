import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('reports a syntax error with line and column', async () => {
  const result = await gradeCode('export function forward(x: number[]) {\n  return x.map((v) => v * 2;\n}\n');
  expect(result.error?.kind).toBe('syntax');
  expect(result.error?.message).toMatch(/^Syntax error at line 2, column \d+/);
  await expectNextSubmissionPasses();
});

it('reports a throw at module load as a runtime error', async () => {
  const result = await gradeCode("throw new RangeError('at load'); export function forward() { return []; }");
  expect(result.error?.kind).toBe('runtime');
  expect(result.error?.message).toMatch(/while loading: RangeError: at load/);
  await expectNextSubmissionPasses();
});
