import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSolutionPasses, gradeIn, processKillers, testPool } from './harness';

/**
 * Heap-exhausting submissions through the real grading children. Whether V8 stops them inside the isolate (a
 * `memory` error) or aborts the child process (the supervisor then records 0 naming the memory limit) depends on how
 * the allocation grows; either way the student gets 0 with a clear message and the next submission is graded.
 */
const { pool } = testPool({ children: 2, isolatesPerChild: 2 });
beforeAll(() => pool.ready(), 60_000);
afterAll(() => pool.close());

// The memory limit, V8's own limits, or (on a machine too loaded to fill 64 MB within 2 s) the time limit.
const clearMessage =
  /memory limit of 64 MB|grader allows \(64 MB|Invalid string length|Maximum call stack size exceeded|time limit of 2000 ms/;

describe.each([
  ...Object.entries(processKillers),
  [
    'a deep recursion that allocates at every level',
    'function down(n: number): number { const a = new Array(100000).fill(n); return down(n + 1) + a[0]; } export function forward() { return [down(0)]; }',
  ],
  ['a string doubled in a loop', "export function forward() { let s = 'ab'; while (true) { s = s + s; s.charCodeAt(1); } }"],
  [
    'arrays hoarded in a loop',
    'export function forward() { const hoard: number[][] = []; while (true) hoard.push(new Array(100000).fill(Math.random())); }',
  ],
])('%s', (_name, code) => {
  it('scores 0 with a message naming the limit, and the next submission passes', async () => {
    const result = await gradeIn(pool, code);
    expect(result.score).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.error?.kind).not.toBe('internal');
    const message = result.error?.message ?? result.cases?.[0]?.message ?? '';
    expect(message).toMatch(clearMessage);
    await expectSolutionPasses(pool);
  });
});
