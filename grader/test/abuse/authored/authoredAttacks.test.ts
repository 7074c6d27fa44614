import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise, solveVariant } from '@deltalab/exercises';
import {
  authoringCrashProblem,
  gradeContained,
  GradingProcessPool,
  type ExerciseFolder,
  type FolderProblem,
  type GradeResult,
  type Submission,
} from '../../../src';
import type { AuthoredAttack } from './attack';
import { folderOf } from './baseFolders';

/**
 * The attack corpus for code authored in the site (one file per attack in attacks/), run through a real grading
 * child, as the site runs Validate and Preview. Each attack is refused with a message naming its file (or contained:
 * it validates and achieves nothing), leaves the pool grading, and changes nothing for the jobs after it: a catalogue
 * exercise, the sound numeric and code exercises the attacks start from, and a catalogue code exercise are graded
 * before and after every attack, in the same child where it survived, and must come out exactly the same.
 */
const attacksDir = fileURLToPath(new URL('./attacks/', import.meta.url));
const attacks = await Promise.all(
  readdirSync(attacksDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map(
      async (name) => [name.replace(/\.ts$/, ''), ((await import(join(attacksDir, name))) as { default: AuthoredAttack }).default] as const,
    ),
);

// Secrets in the supervisor's environment: nothing an attack returns may contain them.
const CANARIES = {
  DATABASE_URL: 'postgres://canary-7f3a@127.0.0.1/deltalab',
  AUTH_SECRET: 'canary-secret-9c1e',
  SMTP_URL: 'smtp://canary-smtp',
};
const saved = Object.fromEntries(Object.keys(CANARIES).map((key) => [key, process.env[key]]));
Object.assign(process.env, CANARIES);

let pool: GradingProcessPool;
beforeAll(async () => {
  pool = new GradingProcessPool({ children: 1, spares: 1, log: () => {} });
  await pool.ready();
  baseline = await nextJobs();
}, 120_000);
afterAll(async () => {
  await pool.close();
  for (const [key, value] of Object.entries(saved))
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
});

async function validate(folder: ExerciseFolder): Promise<{ ok: boolean; problems: FolderProblem[]; text: string }> {
  const reply = await pool.author({ kind: 'validate', folder }, { timeLimitMs: 120_000 });
  if (reply.kind === 'crashed') return { ok: false, problems: [authoringCrashProblem(reply)], text: JSON.stringify(reply) };
  if (reply.outcome.kind !== 'validated') throw new Error(`unexpected ${reply.outcome.kind}`);
  return { ok: reply.outcome.validation.ok, problems: reply.outcome.validation.problems, text: JSON.stringify(reply.outcome) };
}

async function preview(folder: ExerciseFolder): Promise<{ problem?: FolderProblem; text: string }> {
  const reply = await pool.author({ kind: 'instantiate', folder, variant: 'canonical' }, { timeLimitMs: 30_000 });
  if (reply.kind === 'crashed') return { problem: authoringCrashProblem(reply), text: JSON.stringify(reply) };
  return { ...(reply.outcome.kind === 'invalid' ? { problem: reply.outcome } : {}), text: JSON.stringify(reply.outcome) };
}

const stable = (result: GradeResult) => ({ ...result, timings: undefined });
async function grade(exercise: string, submission: Submission, folder?: ExerciseFolder) {
  const grade = await gradeContained(pool, { exercise, variant: 'canonical', submission, ...(folder ? { folder } : {}) });
  if (grade.kind !== 'graded') throw new Error(`${exercise}: ${grade.kind} ${grade.message}`);
  return stable(grade.result);
}

/** Jobs of others, graded after each attack: catalogue numeric (right and slightly wrong), both bases, catalogue code. */
async function nextJobs() {
  const perceptron = solveVariant(getExercise('perceptron-forward'), 'canonical');
  const yHat = perceptron.kind === 'numeric' ? perceptron.values.y_hat! : Number.NaN;
  return {
    catalogueRight: await grade('perceptron-forward', { kind: 'numeric', answers: { y_hat: yHat.toPrecision(3) } }),
    catalogueOneFigure: await grade('perceptron-forward', { kind: 'numeric', answers: { y_hat: yHat.toPrecision(1) } }),
    catalogueCode: await grade('mlp-forward-code', { kind: 'code', code: getExercise('mlp-forward-code').solutionSource! }),
    numericBase: await grade('site-neuron', { kind: 'numeric', answers: { z: '0.1', a: '0.525' } }, folderOf('numeric')),
    codeBase: await grade('site-double', { kind: 'code', code: folderOf('code').files['solution.ts']! }, folderOf('code')),
  };
}
let baseline: Awaited<ReturnType<typeof nextJobs>>;

describe.each(attacks)('%s', (_name, attack) => {
  it(
    attack.title,
    async () => {
      const folder = folderOf(attack.base, attack.files);
      const validation = await validate(folder);
      const shown = await preview(folder);
      if (attack.refused) {
        expect(validation.ok).toBe(false);
        expect(validation.problems[0]).toMatchObject({ file: attack.refused.file, message: expect.stringMatching(attack.refused.message) });
        if (!attack.refused.validateOnly)
          expect(shown.problem).toMatchObject({ file: attack.refused.file, message: expect.stringMatching(attack.refused.message) });
      } else {
        expect(attack.contained).toBe(true);
        expect(validation.problems).toEqual([]);
        expect(shown.problem).toBeUndefined();
      }
      for (const secret of Object.values(CANARIES)) expect(validation.text + shown.text).not.toContain(secret);
      expect(await nextJobs()).toEqual(baseline);
    },
    180_000,
  );
});

it('grades what the attacks start from correctly (the baseline is right, not merely stable)', () => {
  expect(baseline.catalogueRight).toMatchObject({ passed: true, score: 1 });
  expect(baseline.catalogueOneFigure).toMatchObject({ passed: false, score: 0 });
  expect(baseline.catalogueCode).toMatchObject({ passed: true, score: 1 });
  expect(baseline.numericBase).toMatchObject({ passed: false, fields: [{ status: 'wrong' }, { status: 'carried' }] });
  expect(baseline.codeBase).toMatchObject({ passed: true, score: 1 });
});
