import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getExercise, type Exercise } from '@deltalab/exercises';
import { describe, expect, it } from 'vitest';
import { gradeResultSchema } from '../src/protocol';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the documented command from the repository root: `npm run -s grade -- …`. */
async function grade(...args: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'grade', '--', ...args], { cwd: repoRoot, maxBuffer: 10_000_000 });
    return { code: 0, json: JSON.parse(stdout), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, json: JSON.parse(e.stdout), stderr: e.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'grader-cli-'));
const exercise = getExercise('mlp-forward-code') as Exercise & { kind: 'code' };
const solutionFile = join(dir, 'solution.ts');
const wrongFile = join(dir, 'wrong.ts');
writeFileSync(solutionFile, exercise.solutionSource!);
writeFileSync(wrongFile, exercise.knownWrongSource!);

describe('npm run -s grade (from the repository root)', () => {
  it('prints one GradeResult for one submission and exits 0', async () => {
    const { code, json } = await grade('--exercise', 'mlp-forward-code', '--submission', solutionFile, '--json');
    expect(code).toBe(0);
    const result = gradeResultSchema.parse(json);
    expect(result).toMatchObject({ exercise: 'mlp-forward-code', passed: true, score: 1 });
    expect(result.cases?.length).toBeGreaterThan(3);
  });

  it('prints an array in argument order for several submissions; a failing verdict still exits 0', async () => {
    const { code, json } = await grade(
      '--exercise',
      'mlp-forward-code',
      '--variant',
      '12345',
      '--submission',
      wrongFile,
      '--submission',
      solutionFile,
      '--json',
    );
    expect(code).toBe(0);
    const results = (json as unknown[]).map((r) => gradeResultSchema.parse(r));
    expect(results.map((r) => r.passed)).toEqual([false, true]);
    expect(results[0]!.diagnosis?.mistake).toBe(exercise.knownWrongMistake);
    expect(results[0]!.variant).toBe(12345);
  });

  it('grades numeric answers given inline, with a decimal comma', async () => {
    const { code, json } = await grade('--exercise', 'perceptron-forward', '--answers', '{"y_hat": "0,0474"}', '--json');
    expect(code).toBe(0);
    const result = gradeResultSchema.parse(json);
    expect(result.fields?.[0]).toMatchObject({ name: 'y_hat', value: 0.0474 });
  });

  it('grades an expression answer given as text (the issue’s command)', async () => {
    const { code, json } = await grade(
      '--exercise',
      'sigmoid-derivative-expression',
      '--variant',
      'canonical',
      '--answers',
      '{"dsigma_dz":"sigma(z)*(1-sigma(z))"}',
      '--json',
    );
    expect(code).toBe(0);
    const result = gradeResultSchema.parse(json);
    expect(result.passed).toBe(true);
    expect(result.fields?.[0]).toMatchObject({ name: 'dsigma_dz', status: 'correct', expression: 'sigma(z)*(1 - sigma(z))' });
  });

  it('exits 2 with a usage error for bad arguments or an unknown exercise', async () => {
    const missing = await grade('--exercise', 'mlp-forward-code', '--json');
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ error: { kind: 'usage' } });
    const unknown = await grade('--exercise', 'no-such-thing', '--answers', '{}', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.json).toMatchObject({ error: { kind: 'usage', message: "Unknown exercise 'no-such-thing'." } });
    const badVariant = await grade('--exercise', 'perceptron-forward', '--variant', 'blue', '--answers', '{}', '--json');
    expect(badVariant.code).toBe(2);
  });

  it('grades a submission that aborts V8 (heap exhaustion) as 0 naming the memory limit, and exits 0', async () => {
    const bombFile = join(dir, 'bomb.ts');
    // The fastest of the heap bombs (test/process/harness.ts): the slower one, an object given millions of keys, ran past
    // the 2 s limit before reaching 64 MB when the 2 cores were shared with other suites, and was graded a timeout.
    writeFileSync(bombFile, 'export function forward() { const m = new Map<number, number>(); for (let i = 0; ; i++) m.set(i, i); }');
    const { code, json, stderr } = await grade(
      '--exercise',
      'mlp-forward-code',
      '--submission',
      bombFile,
      '--submission',
      solutionFile,
      '--json',
    );
    expect(code).toBe(0);
    const [bomb, solution] = (json as unknown[]).map((r) => gradeResultSchema.parse(r));
    expect(bomb).toMatchObject({ score: 0, passed: false, error: { kind: 'memory' } });
    expect(bomb!.error!.message).toMatch(/64 MB/);
    expect(solution).toMatchObject({ score: 1, passed: true });
    expect(stderr).toMatch(/grading child \d+ ended \(signal SIGABRT\)/);
  }, 60_000);
});
