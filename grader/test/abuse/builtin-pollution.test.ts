import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it("one job's pollution of built-ins never reaches the next job", async () => {
  const polluted = await gradeCode(`
    Array.prototype.map = function () { return [42]; } as any;
    Math.exp = () => 0;
    Object.defineProperty(Object.prototype, 'W', { get() { return [[0]]; }, configurable: true });
    export function forward() { return [1]; }`);
  expect(polluted.score).toBe(0);
  await expectNextSubmissionPasses();
});

it('pollution cannot fool the bridge into reporting a pass', async () => {
  const result = await gradeCode(`
    Array.isArray = () => false;
    Object.keys = () => [];
    JSON.stringify = () => '[]';
    export function forward() { return [0.5]; }`);
  expect(result.passed).toBe(false);
  await expectNextSubmissionPasses();
});
