import { describe, expect, it } from 'vitest';
import { IsolatePool, runInSandbox } from '../src/sandbox';

const echo = { source: 'export function id(x: unknown) { return x; }', cases: [{ entry: 'id', args: [[1, 2]] }] };

describe('IsolatePool', () => {
  it('retires an isolate after N jobs and replaces it', async () => {
    const pool = new IsolatePool({ size: 1, maxJobsPerIsolate: 3 });
    for (let i = 0; i < 7; i++) {
      const run = await runInSandbox(pool, echo);
      expect(run.ok && run.outcomes[0]).toEqual({ ok: true, value: [1, 2] });
    }
    expect(pool.stats).toMatchObject({ created: 3, jobs: 7 });
    pool.close();
  });

  it('replaces an isolate whose heap is over the pressure mark after a job, and keeps one under it', async () => {
    const pressed = new IsolatePool({ size: 1, maxHeapFraction: 1e-6 });
    const relaxed = new IsolatePool({ size: 1 });
    for (let i = 0; i < 4; i++) {
      for (const pool of [pressed, relaxed]) {
        const run = await runInSandbox(pool, echo);
        expect(run.ok && run.outcomes[0]).toEqual({ ok: true, value: [1, 2] });
      }
    }
    // The heap is checked after each job has answered: the next job waits for the verdict, so 4 jobs saw 4 isolates.
    expect(pressed.stats).toMatchObject({ created: 4, jobs: 4 });
    expect(relaxed.stats).toMatchObject({ created: 1, jobs: 4 });
    pressed.close();
    relaxed.close();
  });

  it('replaces an isolate disposed by a memory-limit breach', async () => {
    const pool = new IsolatePool({ size: 1 });
    await runInSandbox(pool, echo);
    const bomb = await runInSandbox(pool, {
      source: 'export function f() { const a: number[][] = []; for (;;) a.push(new Array(100000).fill(Math.random())); }',
      cases: [{ entry: 'f', args: [] }],
    });
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) expect(bomb.error.kind).toBe('memory');
    const after = await runInSandbox(pool, echo);
    expect(after.ok).toBe(true);
    expect(pool.stats.created).toBe(2);
    pool.close();
  });

  it('gives every job a fresh context: globals set by one job are gone in the next', async () => {
    const pool = new IsolatePool({ size: 1 });
    await runInSandbox(pool, {
      source: '(globalThis as any).leak = 42; export function f() { return 1; }',
      cases: [{ entry: 'f', args: [] }],
    });
    const next = await runInSandbox(pool, {
      source: 'export function f() { return typeof (globalThis as any).leak; }',
      cases: [{ entry: 'f', args: [] }],
    });
    expect(next.ok && next.outcomes[0]).toEqual({ ok: true, value: 'undefined' });
    pool.close();
  });

  it('the time limit covers all cases of a job together', async () => {
    const pool = new IsolatePool({ size: 1 });
    const run = await runInSandbox(pool, {
      limits: { timeMs: 600 },
      source: 'export function wait(ms: number) { const end = Date.now() + ms; while (Date.now() < end) {} return ms; }',
      cases: [
        { entry: 'wait', args: [400] },
        { entry: 'wait', args: [400] },
      ],
    });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.error.kind).toBe('timeout');
    pool.close();
  });

  it('refuses new jobs once closed', async () => {
    const pool = new IsolatePool({ size: 1 });
    pool.close();
    await expect(runInSandbox(pool, echo)).rejects.toThrow(/closed/);
  });
});
