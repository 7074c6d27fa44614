import {
  challengeCredit,
  challengeData,
  checkModelUpload,
  evaluateChallengeModel,
  prepareEvaluationBackend,
  type ChallengeExercise,
  type Exercise,
} from '@deltalab/exercises';
import { outputLimitBytes, sourceLimitBytes } from '@deltalab/exercises/rules';
import type { ChallengeResult, GradeError, Submission } from '../protocol';
import { runInSandbox, type IsolatePool } from '../sandbox';
import type { CompiledModule } from '../sandbox/compileSubmission';
import { RETRAIN_ENTRY, retrainHarnessScript, type RetrainOutput } from './retrainHarness';

export type ChallengeGrade = {
  score: number;
  passed: boolean;
  challenge?: ChallengeResult;
  error?: GradeError;
  timings: { evaluateMs: number; sandboxMs?: number; compileMs?: number };
};

type ChallengeSubmission = Extract<Submission, { kind: 'model' | 'retrain' }>;

/**
 * A challenge entry: the uploaded model validated again (it was checked before it was stored, but this is the
 * grader) and scored on the training set and both halves of the hidden test set with tfjs, here in the grading
 * child. No student code runs for this. A Verify job (`retrain`) first re-trains the entry's code in the sandbox,
 * with the recorded seed and epochs, and scores the model that comes out the same way.
 */
export async function gradeChallenge(
  pool: IsolatePool,
  exercise: Exercise & ChallengeExercise,
  submission: ChallengeSubmission,
  compiled?: CompiledModule,
): Promise<ChallengeGrade> {
  const rules = { model: exercise.model, classes: challengeData(exercise).train.classes };
  await prepareEvaluationBackend();
  if (submission.kind === 'model') {
    const started = performance.now();
    const check = checkModelUpload(submission.model, rules);
    if (!check.ok) return refused({ kind: 'runtime', message: check.message }, performance.now() - started);
    return scored(exercise, check.model, started);
  }

  const run = await runInSandbox(pool, {
    source: submission.code,
    ...(compiled ? { compiled } : {}),
    tfLayers: true,
    harness: await retrainHarnessScript(),
    limits: {
      timeMs: exercise.limits.timeMs,
      memoryMb: exercise.limits.memoryMb,
      sourceBytes: sourceLimitBytes(exercise.limits),
      outputBytes: outputLimitBytes(exercise.limits),
    },
    cases: [
      {
        entry: RETRAIN_ENTRY,
        // A job without an engine was stored when every entry trained op by op.
        args: [
          challengeData(exercise).train,
          { seed: submission.seed, epochs: submission.epochs, maxEpochs: exercise.maxEpochs, engine: submission.engine ?? 'tfjs' },
        ],
      },
    ],
  });
  const sandboxMs = run.timings.totalMs - run.timings.compileMs;
  const timing = { sandboxMs, compileMs: run.timings.compileMs };
  if (!run.ok) return { ...refused(run.error, 0), timings: { evaluateMs: 0, ...timing } };
  const outcome = run.outcomes[0];
  if (!outcome?.ok) {
    return {
      ...refused({ kind: 'runtime', message: `Re-training failed: ${outcome?.message ?? 'no result'}` }, 0),
      timings: { evaluateMs: 0, ...timing },
    };
  }
  const output = outcome.value as RetrainOutput;
  const started = performance.now();
  const weights = new Float32Array(output.weights.flat());
  const check = checkModelUpload(
    { modelTopology: output.modelTopology, weightSpecs: output.weightSpecs, weightData: Buffer.from(weights.buffer).toString('base64') },
    rules,
  );
  if (!check.ok)
    return {
      ...refused({ kind: 'runtime', message: `The re-trained model is not accepted: ${check.message}` }, 0),
      timings: { evaluateMs: 0, ...timing },
    };
  const grade = scored(exercise, check.model, started);
  grade.challenge!.retrain = { epochs: output.epochs, trainAccuracy: output.accuracy, ms: output.ms, engine: output.engine };
  return { ...grade, timings: { ...grade.timings, ...timing } };
}

function scored(exercise: ChallengeExercise, model: Parameters<typeof evaluateChallengeModel>[1], started: number): ChallengeGrade {
  const scores = evaluateChallengeModel(exercise, model);
  return {
    score: challengeCredit(exercise, scores.publicScore),
    passed: scores.publicScore >= exercise.threshold,
    challenge: { ...scores, params: model.params },
    timings: { evaluateMs: performance.now() - started },
  };
}

function refused(error: GradeError, ms: number): ChallengeGrade {
  return { score: 0, passed: false, error, timings: { evaluateMs: ms } };
}
