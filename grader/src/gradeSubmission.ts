import { findExercise, type Exercise } from '@deltalab/exercises';
import { AuthoredExercise, type ExerciseProgress } from './authored/authoredExercise';
import { compileExerciseFolder, type CompiledExercise, type ExerciseFolder } from './authored/compileExerciseFolder';
import { gradeChallenge } from './challenge/gradeChallenge';
import { gradeCode } from './code/gradeCode';
import { gradeChoice } from './gradeChoice';
import { gradeNumericSubmission } from './numeric/gradeNumericSubmission';
import { withExpressionFields } from './numeric/gradeExpressionField';
import { gradeRequestSchema, type GradeRequest, type GradeResult } from './protocol';
import { catalogueReference } from './reference/catalogueReference';
import { ExerciseCodeError, type ExerciseReference } from './reference/exerciseReference';
import { IsolatePool, type PoolOptions } from './sandbox';
import type { CompiledModule } from './sandbox/compileSubmission';
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
  /** The exercise's reference already at hand (Validate grades the folder it just loaded); else by slug or `folder`. */
  reference?: ExerciseReference;
  /**
   * What the supervising process compiled for this request: the submission's code, the authored folder. A grading
   * child compiles nothing itself (it may not start esbuild's process); anywhere else, what is missing is compiled here.
   */
  compiled?: { submission?: CompiledModule; folder?: CompiledExercise };
  /** Hears when an authored exercise's code starts (naming its file) and when the student's code starts. */
  progress?: (phase: { kind: 'exercise'; file: string } | { kind: 'student' }) => void;
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
  const pool = options.pool ?? sharedPool();
  const onExerciseCode: ExerciseProgress | undefined = options.progress && ((file) => options.progress!({ kind: 'exercise', file }));
  const reference =
    options.reference ??
    (folder ? await loadFolderForGrading(slug, folder, pool, options.compiled?.folder, onExerciseCode) : catalogueOf(slug));
  const exercise = reference.exercise;
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
      options.progress?.({ kind: 'student' });
      const grade = await gradeChallenge(pool, exercise, submission, options.compiled?.submission);
      const { timings, ...rest } = grade;
      return { ...common, ...rest, timings: { totalMs: elapsed(), ...timings } };
    }
    if (exercise.kind === 'code' && submission.kind === 'code') {
      const referenceStarted = performance.now();
      const data = await reference.codeReference(variant);
      options.progress?.({ kind: 'student' });
      const grade = await gradeCode(
        pool,
        exercise,
        { data, ms: performance.now() - referenceStarted },
        submission.code,
        options.compiled?.submission,
      );
      const { timings, ...rest } = grade;
      return { ...common, ...rest, timings: { totalMs: elapsed(), ...timings } };
    }
    if (exercise.kind === 'numeric' && submission.kind === 'numeric') {
      unknownFieldCheck(exercise, Object.keys(submission.answers));
      const referenceStarted = performance.now();
      const { values, expressions } = await reference.numericSolution(variant);
      const referenceMs = performance.now() - referenceStarted;
      for (const field of exercise.fields)
        if (field.kind !== 'expression' && typeof values[field.name] !== 'number')
          throw new Error(`the reference gave no value for field ${field.name}`);
      const numberResults = await gradeNumericSubmission(reference, exercise, variant, values, submission.answers);
      const fields = withExpressionFields(exercise.fields, numberResults, expressions, submission.answers);
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
    // The exercise's own code failing (an authored reference, for this variant) is not the student's doing either.
    const message =
      error instanceof ExerciseCodeError
        ? `The exercise's code failed for this variant, so it could not be graded: ${error.message}`
        : `The grader failed: ${error instanceof Error ? error.message : String(error)}`;
    return {
      ...common,
      score: 0,
      passed: false,
      error: { kind: 'internal', message },
      timings: { totalMs: elapsed() },
    };
  }
}

function catalogueOf(slug: string): ExerciseReference {
  const exercise = findExercise(slug);
  if (!exercise) throw new GradeRequestError(`Unknown exercise '${slug}'.`);
  return catalogueReference(exercise);
}

/** A site-authored exercise's folder, its code run in isolates; a folder that does not load is a bad request. */
async function loadFolderForGrading(
  slug: string,
  folder: ExerciseFolder,
  pool: IsolatePool,
  compiled: CompiledExercise | undefined,
  progress: ExerciseProgress | undefined,
): Promise<ExerciseReference> {
  let ready = compiled;
  if (!ready) {
    const compilation = await compileExerciseFolder(folder);
    if (!compilation.ok)
      throw new GradeRequestError(`Exercise '${slug}' (version ${folder.hash}) does not load: ${compilation.problem.message}`);
    ready = compilation.compiled;
  }
  if (ready.hash !== folder.hash) throw new GradeRequestError(`The compiled folder is version ${ready.hash}, not ${folder.hash}.`);
  const load = await AuthoredExercise.load(ready, folder, pool, progress);
  if (!load.ok) throw new GradeRequestError(`Exercise '${slug}' (version ${folder.hash}) does not load: ${load.problem.message}`);
  if (load.authored.exercise.slug !== slug)
    throw new GradeRequestError(`The folder of version ${folder.hash} is exercise '${load.authored.exercise.slug}', not '${slug}'.`);
  return load.authored;
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
