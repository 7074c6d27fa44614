import { afterAll, describe, expect, it } from 'vitest';
import { IsolatePool, runInSandbox } from '../src/sandbox';

const pool = new IsolatePool({ size: 1 });
afterAll(() => pool.close());

describe('TensorFlow.js inside the sandbox', () => {
  it('runs student code that imports @tensorflow/tfjs, including autodiff', async () => {
    const run = await runInSandbox(pool, {
      usesTf: true,
      source: `
        import * as tf from '@tensorflow/tfjs';
        export function sigmoidGrad(x: number[]): number[] {
          return tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sigmoid(v).sum())(tf.tensor1d(x)).arraySync() as number[]);
        }
        export function matmul(a: number[][], b: number[][]) {
          return tf.matMul(tf.tensor2d(a), tf.tensor2d(b)); // a Tensor result is converted to arrays
        }`,
      cases: [
        { entry: 'sigmoidGrad', args: [[0, 2]] },
        { entry: 'matmul', args: [[[1, 2]], [[3], [4]]] },
      ],
    });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const grads = run.outcomes[0]!.ok ? (run.outcomes[0]!.value as number[]) : [];
    expect(grads[0]).toBeCloseTo(0.25, 6);
    expect(grads[1]).toBeCloseTo(s(2) * (1 - s(2)), 6);
    expect(run.outcomes[1]).toEqual({ ok: true, value: [[11]] });
  });

  it('plain-JS jobs do not load tfjs', async () => {
    const run = await runInSandbox(pool, {
      source: 'export function probe() { return typeof (globalThis as any).tf; }',
      cases: [{ entry: 'probe', args: [] }],
    });
    expect(run.ok && run.outcomes[0]).toEqual({ ok: true, value: 'undefined' });
  });

  it('a tfjs job is still bound by the time limit', async () => {
    const run = await runInSandbox(pool, {
      usesTf: true,
      limits: { timeMs: 500 },
      source: "import * as tf from '@tensorflow/tfjs'; export function spin() { for (;;) tf.tidy(() => tf.scalar(1).add(1)); }",
      cases: [{ entry: 'spin', args: [] }],
    });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.error.kind).toBe('timeout');
  });
});
