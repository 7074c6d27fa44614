import { expect, it } from 'vitest';
import { expectNextSubmissionPasses, gradeCode } from './harness';

it('refuses a static import of a Node module at compile time', async () => {
  const result = await gradeCode(
    "import { readFileSync } from 'node:fs'; export function forward() { return [readFileSync('/etc/passwd', 'utf8')]; }",
  );
  expect(result.error?.kind).toBe('forbidden');
  expect(result.error?.message).toMatch(/Cannot import 'node:fs'/);
  await expectNextSubmissionPasses();
});

it('refuses import() of a literal module at compile time', async () => {
  const result = await gradeCode("export function forward() { return import('fs'); }");
  expect(result.error?.kind).toBe('forbidden');
  await expectNextSubmissionPasses();
});

it('refuses import() of a computed name at run time', async () => {
  const result = await gradeCode("const name = ['f', 's'].join(''); export function forward() { return import(name); }");
  expect(result.error?.kind).toBe('forbidden');
  expect(result.error?.message).toMatch(/import\(\) is not available/);
  await expectNextSubmissionPasses();
});

it('refuses tfjs in an exercise that does not use it', async () => {
  const result = await gradeCode(
    "import * as tf from '@tensorflow/tfjs'; export function forward(x: number[]) { return tf.tensor(x).arraySync(); }",
  );
  expect(result.error?.kind).toBe('forbidden');
  expect(result.error?.message).toMatch(/does not use TensorFlow.js/);
});
