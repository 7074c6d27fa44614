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

it('a setter on Array.prototype never sees the bridge’s own arrays', async () => {
  const result = await gradeCode(`
    let seen = 0;
    for (let i = 0; i < 40; i++) {
      Object.defineProperty(Array.prototype, String(i), { set(v) { seen++; Object.defineProperty(this, '9999999', { value: 'x'.repeat(1 << 20) }); }, configurable: true });
    }
    export function forward(x: number[]) { return [seen]; }`);
  expect(result.passed).toBe(false);
  expect(result.cases?.length).toBeGreaterThan(0);
  // every case ran and its own (wrong) output came back intact
  expect(result.cases?.[0]?.actual).toEqual([0]);
  await expectNextSubmissionPasses();
});
