import { getExercise } from '@deltalab/exercises';
import { expect } from 'vitest';
import type { GradeRequest, GradeResult } from '../../src';
import { gradeContained, GradingProcessPool, type ContainmentOptions, type ProcessPoolOptions } from '../../src/process';

const EXERCISE = 'mlp-forward-code';
export const solution = getExercise(EXERCISE).solutionSource!;

export function codeRequest(code: string): GradeRequest {
  return { exercise: EXERCISE, submission: { kind: 'code', code } };
}

/** Heap bombs that abort the V8 process hosting the isolate (isolated-vm #527/#457/#107), every time. */
export const processKillers = {
  // The fastest (about 0.25 s): the tests that need a crash, not a timeout on a loaded machine, use this one.
  'a Map grown without end': 'export function forward() { const m = new Map<number, number>(); for (let i = 0; ; i++) m.set(i, i); }',
  'a huge array': 'export function forward() { return new Array(2e8).fill(1.5); }',
  'an object given millions of keys':
    "export function forward() { const o: any = {}; for (let i = 0; i < 1e8; i++) o['k' + i] = i; return [1]; }",
};

/** A pool whose log lines are kept for assertions (and off the test output). */
export function testPool(options: ProcessPoolOptions = {}): { pool: GradingProcessPool; logs: string[] } {
  const logs: string[] = [];
  return { pool: new GradingProcessPool({ log: (line) => logs.push(line), ...options }), logs };
}

export async function gradeIn(pool: GradingProcessPool, code: string, options?: ContainmentOptions): Promise<GradeResult> {
  const grade = await gradeContained(pool, codeRequest(code), options);
  if (grade.kind !== 'graded') throw new Error(`expected a grade, got ${JSON.stringify(grade)}`);
  return grade.result;
}

/** After whatever came before, the pool still grades the reference solution to full marks. */
export async function expectSolutionPasses(pool: GradingProcessPool): Promise<void> {
  const result = await gradeIn(pool, solution);
  expect(result.error).toBeUndefined();
  expect(result.score).toBe(1);
}
