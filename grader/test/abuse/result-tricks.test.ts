import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode, withCorrectForward } from './harness';

it('copies a Proxy result inside the isolate; the host only ever sees plain data', async () => {
  const result = await gradeCode(
    withCorrectForward(
      '',
      'const copy = a; a = new Proxy(copy, { get(t: any, k: any) { return Reflect.get(t, k); }, ownKeys() { throw new Error("trap ran"); } });',
    ),
  );
  expect(result.passed).toBe(true);
  await expectNextSubmissionPasses();
});

it('never calls toJSON, Symbol.toPrimitive or getters on the host', async () => {
  const result = await gradeCode(`
    export function forward() {
      const trap = {
        toJSON() { for (;;) {} },
        [Symbol.toPrimitive]() { for (;;) {} },
        valueOf() { for (;;) {} },
      };
      return [trap];
    }`);
  expect(result.score).toBe(0);
  // the host can serialize and inspect the result freely: nothing of the student's runs here
  const text = JSON.stringify(result);
  expect(text).toContain('not data');
  expect(`${result.cases?.[0]?.message}`).toMatch(/function, which is not data/);
  await expectNextSubmissionPasses();
});

it('resolves getters inside the isolate and refuses class instances', async () => {
  const withGetter = await gradeCode('export function forward() { return { get 0() { throw new Error("boom"); }, length: 1 }; }');
  expect(withGetter.score).toBe(0);
  expect(withGetter.cases?.[0]?.message).toMatch(/boom/);
  const instance = await gradeCode('class Sneaky { x = 1 } export function forward() { return new Sneaky(); }');
  expect(instance.cases?.[0]?.message).toMatch(/object of a class \(Sneaky\)/);
  await expectNextSubmissionPasses();
});

it('cannot corrupt the reference by mutating its inputs', async () => {
  const result = await gradeCode(
    withCorrectForward('', 'for (const layer of layers) { layer.W.length = 0; layer.b.fill(NaN); } x.length = 0;'),
  );
  expect(result.passed).toBe(true);
  await expectNextSubmissionPasses();
});
