import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

// (module (func (export "spin") (loop (br 0))))
const SPIN_MODULE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 115, 112, 105, 110, 0, 0, 10, 9, 1, 7, 0, 3, 64, 12, 0, 11, 11,
];

it('stops an endless WebAssembly loop at the time limit', async () => {
  const result = await gradeCode(`
    export function forward() {
      const module = new WebAssembly.Module(new Uint8Array(${JSON.stringify(SPIN_MODULE)}));
      const instance = new WebAssembly.Instance(module) as any;
      instance.exports.spin();
      return [];
    }`);
  expect(result.error?.kind).toBe('timeout');
  await expectNextSubmissionPasses();
});
