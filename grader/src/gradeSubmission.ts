import { findExercise, solveVariant, variantParams, type Exercise } from '@deltalab/exercises';
import { gradeChallenge } from './challenge/gradeChallenge';
import { ExerciseFolderError, loadExerciseFolder } from './authored/compileExerciseFolder';
import { gradeCode } from './code/gradeCode';
import { gradeChoice } from './gradeChoice';
import { gradeNumericFields } from './numeric/gradeNumericFields';
import { withExpressionFields } from './numeric/gradeExpressionField';
import { gradeRequestSchema, type GradeRequest, type GradeResult } from './protocol';
import { IsolatePool, type PoolOptions } from './sandbox';
import { GRADER_VERSION } from './version';

/** The request itself is wrong (unknown exercise, payload of the wrong kind): a 4xx, not a grade. */
export class GradeRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradeRequestError';
  }
}

let defaultPool: IsolatePool | undefined;

/** The process-wide isolate pool (created on first use). */
export function sharedPool(options?: PoolOptions): IsolatePool {
  defaultPool ??= new IsolatePool(options);
  return defaultPool;
}

/** Disposes the shared pool's isolates (tests, CLI, worker shutdown). */
export function closeSharedPool(): void {
  defaultPool?.close();
  defaultPool = undefined;
}

export type GradeOptions = {
  pool?: IsolatePool;
  /** The exercise already loaded (Validate grades a folder it just compiled); else found by slug or from `folder`. */
  exercise?: Exercise;
};

/**
 * Grades one submission against the exercise's tfjs reference. Never throws for anything the student
 * did; throws GradeRequestError for a malformed request. A failure of the grader itself comes back as
 * `error.kind === 'internal'` (see isInternalFailure) so callers can retry without charging an attempt.
 */
export async function gradeSubmission(request: GradeRequest, options: GradeOptions = {}): Promise<GradeResult> {
  const started = performance.now();
  const parsed = gradeRequestSchema.safeParse(request);
  if (!parsed.success)
    throw new GradeRequestError(
      `Invalid grade request: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  const { exercise: slug, variant, submission, folder } = parsed.data;
  const exercise = options.exercise ?? (folder ? await loadFolderForGrading(slug, folder) : findExercise(slug));
  if (!exercise) throw new GradeRequestError(`Unknown exercise '${slug}'.`);
  const challengeKinds = ['model', 'retrain'];
  if (exercise.kind === 'challenge' ? !challengeKinds.includes(submission.kind) : submission.kind !== exercise.kind) {
    throw new GradeRequestError(`'${slug}' is a ${exercise.kind} exercise; the submission is ${submission.kind}.`);
  }

  const common = {
    exercise: slug,
    variant,
    kind: exercise.kind,
    exerciseVersion: exercise.contentHash,
    graderVersion: GRADER_VERSION,
  } as const;
  const elapsed = () => performance.now() - started;

  try {
    if (exercise.kind === 'challenge' && (submission.kind === 'model' || submission.kind === 'retrain')) {
      const grade = await gradeChallenge(options.pool ?? sharedPool(), exercise, submission);
      const { timings, ...rest } = grade;
      return { ...common, ...rest, timings: { totalMs: elapsed(), ...timings } };
    }
    if (exercise.kind === 'code' && submission.kind === 'code') {
      const grade = await gradeCode(options.pool ?? sharedPool(), exercise, variant, submission.code);
      const { timings, ...rest } = grade;
      return { ...common, ...rest, timings: { totalMs: elapsed(), ...timings } };
    }
    if (exercise.kind === 'numeric' && submission.kind === 'numeric') {
      const referenceStarted = performance.now();
      const solution = solveVariant(exercise, variant);
      if (solution.kind !== 'numeric') throw new Error('numeric exercise without numeric solution');
      const referenceMs = performance.now() - referenceStarted;
      unknownFieldCheck(exercise, Object.keys(submission.answers));
      const numberResults = gradeNumericFields({
        fields: exercise.fields.filter((f) => f.kind !== 'expression'),
        params: variantParams(exercise, variant),
        reference: solution.values,
        answers: submission.answers,
        carriedCredit: exercise.carriedCredit,
      });
      const fields = withExpressionFields(exercise.fields, numberResults, solution.expressions, submission.answers);
      const score = fields.reduce((s, f) => s + f.credit, 0) / fields.length;
      return {
        ...common,
        score,
        passed: fields.every((f) => f.status === 'correct'),
        fields,
        timings: { totalMs: elapsed(), referenceMs },
      };
    }
    if (exercise.kind === 'choice' && submission.kind === 'choice') {
      const grade = gradeChoice(exercise, submission.selected);
      return { ...common, score: grade.score, passed: grade.passed, options: grade.options, timings: { totalMs: elapsed() } };
    }
    throw new Error('unreachable: kinds checked above');
  } catch (error) {
    if (error instanceof GradeRequestError) throw error;
    return {
      ...common,
      score: 0,
      passed: false,
      error: { kind: 'internal', message: `The grader failed: ${error instanceof Error ? error.message : String(error)}` },
      timings: { totalMs: elapsed() },
    };
  }
}

/** A site-authored exercise's folder, compiled in this (child) process; a folder that does not load is a bad request. */
async function loadFolderForGrading(slug: string, folder: { hash: string; files: Record<string, string> }): Promise<Exercise> {
  try {
    const exercise = await loadExerciseFolder(folder);
    if (exercise.slug !== slug)
      throw new GradeRequestError(`The folder of version ${folder.hash} is exercise '${exercise.slug}', not '${slug}'.`);
    return exercise;
  } catch (error) {
    if (error instanceof ExerciseFolderError)
      throw new GradeRequestError(`Exercise '${slug}' (version ${folder.hash}) does not load: ${error.message}`);
    throw error;
  }
}

function unknownFieldCheck(exercise: Exercise & { kind: 'numeric' }, names: string[]): void {
  const known = new Set(exercise.fields.map((f) => f.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new GradeRequestError(
      `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for '${exercise.slug}' (fields: ${[...known].join(', ')}).`,
    );
  }
}
