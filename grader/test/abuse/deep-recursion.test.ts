import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('reports unbounded recursion as a runtime error per case', async () => {
  const result = await gradeCode(`
    function down(n: number): number { return down(n + 1) + 1; }
    export function forward(x: number[]) { return [down(0)]; }`);
  expect(result.error).toBeUndefined();
  expect(result.score).toBe(0);
  expect(result.cases?.length).toBeGreaterThan(0);
  for (const c of result.cases ?? []) expect(c.message).toMatch(/Maximum call stack size exceeded/);
  await expectNextSubmissionPasses();
});
