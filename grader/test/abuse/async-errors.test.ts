import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode, withCorrectForward } from './harness';

// What student code throws or rejects is the student's: a runtime error, never the grader's "internal".

it('reports an async function that throws as a runtime error of each case', async () => {
  const result = await gradeCode(`
    export async function forward(x: number[]) {
      return undefinedGlobal + x.length;
    }`);
  expect(result.error).toBeUndefined();
  expect(result.score).toBe(0);
  expect(result.cases?.length).toBeGreaterThan(1);
  for (const c of result.cases ?? []) {
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/ReferenceError: undefinedGlobal is not defined/);
  }
  await expectNextSubmissionPasses();
});

it('reports a rejection after an await as a runtime error of that case only', async () => {
  // Rejects only for 1-element inputs: the other cases still run and pass.
  const code = withCorrectForward('').replace(
    'export function forward(x: number[], layers: any[]): any {',
    `export async function forward(x: number[], layers: any[]): Promise<any> {
  await null;
  if (x.length === 1) throw new RangeError('one input is not enough');`,
  );
  const result = await gradeCode(code);
  expect(result.error).toBeUndefined();
  const failing = (result.cases ?? []).filter((c) => !c.passed);
  const passing = (result.cases ?? []).filter((c) => c.passed);
  expect(passing.length).toBeGreaterThan(0);
  for (const c of failing) expect(c.message).toMatch(/RangeError: one input is not enough/);
});

it('grades a correct async function like a synchronous one', async () => {
  const code = withCorrectForward('').replace(
    'export function forward(x: number[], layers: any[]): any {',
    'export async function forward(x: number[], layers: any[]): Promise<any> {\n  await Promise.resolve();',
  );
  const result = await gradeCode(code);
  expect(result.error).toBeUndefined();
  expect(result.score).toBe(1);
});

it('reports a Promise that never settles as a timeout', async () => {
  const started = performance.now();
  const result = await gradeCode(`export function forward() { return new Promise(() => {}); }`);
  expect(result.error?.kind).toBe('timeout');
  expect(result.error?.message).toMatch(/time limit of 2000 ms.*Promise that never settles/);
  expect(performance.now() - started).toBeLessThan(10_000);
  await expectNextSubmissionPasses();
});

it('reports a rejected Promise left unhandled as the student\u2019s runtime error, not an internal one', async () => {
  const result = await gradeCode(
    withCorrectForward(`async function helper(): Promise<void> { throw new TypeError('helper failed'); }`, 'helper();'),
  );
  expect(result.error?.kind).toBe('runtime');
  expect(result.error?.message).toMatch(/rejected Promise unhandled: TypeError: helper failed/);
  await expectNextSubmissionPasses();
});

it('reports a non-Error rejection left unhandled as a runtime error', async () => {
  const result = await gradeCode(withCorrectForward('', `Promise.reject('just a string');`));
  expect(result.error?.kind).toBe('runtime');
  expect(result.error?.message).toMatch(/Thrown value: "just a string"/);
  await expectNextSubmissionPasses();
});
