import { getExercise } from '@deltalab/exercises';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeContained, gradeSubmission, type GradeRequest } from '../src';
import { IsolatePool } from '../src/sandbox';
import { testPool } from './process/harness';

const moons = getExercise('moons-challenge');
if (moons.kind !== 'challenge') throw new Error('moons-challenge is not a challenge');
const network = moons.baselines.find((b) => b.name.startsWith("The notes' network"))!.model;
const logistic = moons.baselines.find((b) => b.name.startsWith('Logistic'))!.model;
const pool = new IsolatePool({ size: 1 });
afterAll(() => pool.close());

const modelRequest = (model: unknown): GradeRequest => ({ exercise: 'moons-challenge', submission: { kind: 'model', model } });
const retrainRequest = (code: string, seed = 5, epochs = 300, engine?: 'compiled' | 'tfjs'): GradeRequest => ({
  exercise: 'moons-challenge',
  submission: { kind: 'retrain', code, seed, epochs, ...(engine ? { engine } : {}) },
});

describe('challenge entries', () => {
  it('scores an uploaded model on the training set and both halves of the hidden test set, with credit by threshold', async () => {
    const result = await gradeSubmission(modelRequest(network), { pool });
    expect(result.kind).toBe('challenge');
    expect(result.error).toBeUndefined();
    expect(result.challenge!.publicScore).toBeGreaterThanOrEqual(0.97);
    expect(result.challenge!.privateScore).toBeGreaterThanOrEqual(0.97);
    expect(result.challenge!.trainScore).toBeGreaterThanOrEqual(0.97);
    expect(result.challenge!.params).toBe(25);
    expect(result.challenge!.boundary).toMatch(/^[01]{2304}$/);
    expect(result.score).toBe(1);
    expect(result.passed).toBe(true);
    const linear = await gradeSubmission(modelRequest(logistic), { pool });
    expect(linear.challenge!.publicScore).toBeLessThan(0.9);
    expect(linear.score).toBe(0);
    expect(linear.passed).toBe(false);
  });

  it('refuses a bad model with the validation message and no scores', async () => {
    const result = await gradeSubmission(modelRequest({ ...network, weightData: 'AAAA' }), { pool });
    expect(result.score).toBe(0);
    expect(result.challenge).toBeUndefined();
    expect(result.error).toEqual({ kind: 'runtime', message: 'model.weightData: 3 bytes; the weight specs need 100 (25 float32 values).' });
  });

  it('refuses code and answers for a challenge, and a model for a code exercise', async () => {
    await expect(gradeSubmission({ exercise: 'moons-challenge', submission: { kind: 'code', code: 'x' } })).rejects.toThrow(
      "'moons-challenge' is a challenge exercise; the submission is code.",
    );
    await expect(gradeSubmission({ exercise: 'mlp-forward-code', submission: { kind: 'model', model: network } })).rejects.toThrow(
      'is a code exercise; the submission is model',
    );
  });
});

describe('Verify: re-training in the sandbox', () => {
  it("re-trains the starter with the recorded seed and epochs to the notes' accuracy, the same model every time", async () => {
    const first = await gradeSubmission(retrainRequest(moons.starter), { pool });
    expect(first.error).toBeUndefined();
    expect(first.challenge!.retrain).toMatchObject({ epochs: 300 });
    expect(first.challenge!.retrain!.trainAccuracy).toBeGreaterThanOrEqual(0.99);
    expect(first.challenge!.publicScore).toBeGreaterThanOrEqual(0.97);
    const again = await gradeSubmission(retrainRequest(moons.starter), { pool });
    expect(again.challenge!.publicScore).toBe(first.challenge!.publicScore);
    expect(again.challenge!.boundary).toBe(first.challenge!.boundary);
    const fewer = await gradeSubmission(retrainRequest(moons.starter, 5, 3), { pool });
    expect(fewer.challenge!.retrain!.epochs).toBe(3);
    // a job stored before engines were recorded trains op by op, as every entry then did
    expect(first.challenge!.retrain!.engine).toBe('tfjs');
  }, 120_000);

  it('re-trains an entry of the compiled step with the compiled step, to the same model every time', async () => {
    const first = await gradeSubmission(retrainRequest(moons.starter, 5, 300, 'compiled'), { pool });
    expect(first.error).toBeUndefined();
    expect(first.challenge!.retrain).toMatchObject({ epochs: 300, engine: 'compiled' });
    expect(first.challenge!.retrain!.trainAccuracy).toBeGreaterThanOrEqual(0.99);
    expect(first.challenge!.publicScore).toBeGreaterThanOrEqual(0.97);
    const again = await gradeSubmission(retrainRequest(moons.starter, 5, 300, 'compiled'), { pool });
    expect(again.challenge!.boundary).toBe(first.challenge!.boundary);
    const opByOp = await gradeSubmission(retrainRequest(moons.starter, 5, 300, 'tfjs'), { pool });
    // the same training to float32 rounding: the same score on the hidden set, give or take a borderline point
    expect(Math.abs(opByOp.challenge!.publicScore - first.challenge!.publicScore)).toBeLessThanOrEqual(0.002);
  }, 120_000);

  it('reports what is wrong with the code: a missing export, a syntax error, too many epochs', async () => {
    const missing = await gradeSubmission(
      retrainRequest("import * as tf from '@tensorflow/tfjs';\nexport const training = { epochs: 1, batchSize: 1 };"),
      { pool },
    );
    expect(missing.error?.message).toMatch(/Re-training failed: ChallengeCodeError: Your code must export function createModel\(\)/);
    const syntax = await gradeSubmission(retrainRequest('export function createModel( {'), { pool });
    expect(syntax.error?.kind).toBe('syntax');
    const tooMany = await gradeSubmission(retrainRequest(moons.starter, 1, 100_000), { pool });
    expect(tooMany.error?.message).toMatch(/from 1 to 2000/);
  }, 60_000);
});

describe('in a grading child process', () => {
  it('an entry is evaluated inside a grading child, as every grade is, on the wasm backend', async () => {
    const { pool: children, logs } = testPool({ children: 1, spares: 0 });
    try {
      const grade = await gradeContained(children, modelRequest(network));
      expect(grade.kind).toBe('graded');
      if (grade.kind !== 'graded') return;
      expect(grade.result.challenge!.publicScore).toBeGreaterThanOrEqual(0.97);
      expect(children.stats.graded).toBe(1);
      // The child's bundle is an ES module: tfjs's wasm backend finds its files with __dirname, and fell back to the
      // cpu backend (70× slower on a large model, see prepareEvaluationBackend) when the bundle had none.
      expect(logs.filter((line) => /wasm/i.test(line))).toEqual([]);
    } finally {
      await children.close();
    }
  }, 120_000);
});
