import { expect, it } from 'vitest';
import { loadExercises, solveVariant, useReferenceBackend } from '../src/index';
import { firstMismatch } from './helpers';

it('the cpu and wasm backends give the same reference answers', async () => {
  const variants = ['canonical' as const, 11, 12];
  await useReferenceBackend('cpu');
  const cpu = loadExercises().map((e) => variants.map((v) => solveVariant(e, v)));
  await useReferenceBackend('wasm');
  const wasm = loadExercises().map((e) => variants.map((v) => solveVariant(e, v)));
  // Both are float32; they may differ in the last bits (different exp/tanh kernels).
  expect(firstMismatch(wasm, cpu, { mode: 'relative', max: 1e-5, floor: 1e-7 })).toBeNull();
});
