import { getExercise } from '@deltalab/exercises';
import { afterAll, expect } from 'vitest';
import { gradeSubmission, IsolatePool, type GradeResult } from '../../src';

/** Every abuse test grades against a real code exercise through the real sandbox. */
export const EXERCISE = 'mlp-forward-code';

const pool = new IsolatePool({ size: 1 });
afterAll(() => pool.close());

export function gradeCode(code: string): Promise<GradeResult> {
  return gradeSubmission({ exercise: EXERCISE, submission: { kind: 'code', code } }, { pool });
}

/** After a hostile submission, the same pool must still grade the reference solution to full marks. */
export async function expectNextSubmissionPasses(): Promise<void> {
  const solution = getExercise(EXERCISE).solutionSource;
  expect(solution).toBeTypeOf('string');
  const result = await gradeCode(solution!);
  expect(result.error).toBeUndefined();
  expect(result.score).toBe(1);
  expect(result.passed).toBe(true);
}

/** Wraps hostile code around a correct forward pass, so only the hostile part can make it fail. */
export function withCorrectForward(prelude: string, beforeReturn = ''): string {
  return `
${prelude}
export function forward(x: number[], layers: any[]): any {
  let a = x;
  for (const layer of layers) {
    const z = layer.W.map((row: number[], i: number) => row.reduce((s, w, j) => s + w * a[j], layer.b[i]));
    if (layer.activation === 'sigmoid') a = z.map((v: number) => 1 / (1 + Math.exp(-v)));
    else if (layer.activation === 'tanh') a = z.map(Math.tanh);
    else if (layer.activation === 'relu') a = z.map((v: number) => Math.max(0, v));
    else if (layer.activation === 'softmax') { const m = Math.max(...z); const e = z.map((v: number) => Math.exp(v - m)); const s = e.reduce((p: number, q: number) => p + q, 0); a = e.map((v: number) => v / s); }
    else a = z;
  }
  ${beforeReturn}
  return a;
}
`;
}
