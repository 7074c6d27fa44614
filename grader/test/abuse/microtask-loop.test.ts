import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('stops a never-ending microtask chain at the time limit', async () => {
  const result = await gradeCode(`
    export function forward(x: number[]) {
      const spin = (): void => { Promise.resolve().then(spin); };
      spin();
      return x;
    }`);
  expect(result.error?.kind).toBe('timeout');
  await expectNextSubmissionPasses();
});
