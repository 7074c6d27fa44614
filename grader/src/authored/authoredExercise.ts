import { z } from 'zod';
import {
  exerciseFromFiles,
  ExerciseLoadError,
  outputLimitBytes,
  DEFAULT_CODE_LIMITS,
  type Exercise,
  type Params,
  type ResolvedCase,
  type VariantSelector,
} from '@deltalab/exercises';
import type { MistakeCandidate } from '../compare/diagnoseMistake';
import { ExerciseCodeError, type CodeReference, type ExerciseReference, type NumericSolution } from '../reference/exerciseReference';
import type { IsolatePool } from '../sandbox';
import type { CompiledExercise, ExerciseFolder, FolderProblem } from './compileExerciseFolder';
import { FUNCTION_MARKER, type DerivationRequest, type MistakeOutputs } from './isolate/exerciseRuntime';
import { runExerciseCalls, type ExerciseCall } from './runExerciseCalls';

/** What an authored exercise's code computed for one variant, in its isolate: plain data, checked here. */
export type AuthoredVariant = {
  params: Params;
  display: Record<string, string>;
  /** numeric: the reference's value of each number field, and each expression field's sample points and values. */
  values?: Record<string, number>;
  expressions?: NumericSolution['expressions'];
  /** code: visible then hidden cases with their expected outputs (frozen), and each case's mistakes' outputs. */
  cases?: readonly ResolvedCase[];
  mistakes?: MistakeOutputs[];
};

/** Where an authored exercise's isolate calls are reported as they start (a grading child tells its supervisor). */
export type ExerciseProgress = (file: string) => void;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const paramsSchema = z.record(z.string(), z.unknown());
const displaySchema = z.record(z.string(), z.string());
const solutionSchema = z.object({
  kind: z.literal('numeric'),
  values: z.record(z.string(), z.unknown()),
  expressions: z.record(z.string(), z.object({ points: z.array(z.record(z.string(), z.number())), values: z.array(z.number()) })),
});
const casesSchema = z.array(
  z.object({ name: z.string().min(1).max(200), entry: z.string().regex(identifier), args: z.array(z.unknown()), hidden: z.boolean() }),
);
const mistakesSchema = z.array(z.array(z.object({ id: z.string(), output: z.unknown() }).nullable()));
const derivedSchema = z.array(z.number().or(z.nan()).nullable());

const loaded = new Map<string, Promise<{ ok: true; authored: AuthoredExercise } | { ok: false; problem: FolderProblem }>>();
const LOADED_SIZE = 64;
const variants = new Map<string, AuthoredVariant>();
const VARIANTS_SIZE = 1024;

/**
 * A site-authored exercise in a grading child: its metadata (the definition as data, checked by the catalogue's own
 * schema and checks) and its reference, computed on demand in isolates. Every call of the author's code (variants,
 * display, reference, cases, mistakes, derive) runs in a never-used context of a pooled isolate with the exercise's
 * limits for student code, with copies of the exercises package's helpers of its own; nothing it does reaches this
 * process's modules, tfjs or another exercise. What it computes for a variant is cached by version and variant.
 */
export class AuthoredExercise implements ExerciseReference {
  private constructor(
    readonly exercise: Exercise,
    private readonly compiled: CompiledExercise,
    private readonly pool: IsolatePool,
  ) {}

  /** Loads (describes and checks) a compiled folder; cached by version. A problem names the file at fault. */
  static load(
    compiled: CompiledExercise,
    folder: ExerciseFolder,
    pool: IsolatePool,
    progress?: ExerciseProgress,
  ): Promise<{ ok: true; authored: AuthoredExercise } | { ok: false; problem: FolderProblem }> {
    let loading = loaded.get(compiled.hash);
    if (!loading) {
      loading = AuthoredExercise.describe(compiled, folder, pool, progress);
      // a problem may be a passing one (a limit hit under load): describe again next time
      void loading.then((outcome) => !outcome.ok && loaded.delete(compiled.hash)).catch(() => loaded.delete(compiled.hash));
      if (loaded.size >= LOADED_SIZE) loaded.delete(loaded.keys().next().value as string);
      loaded.set(compiled.hash, loading);
    }
    return loading;
  }

  private static async describe(
    compiled: CompiledExercise,
    folder: ExerciseFolder,
    pool: IsolatePool,
    progress?: ExerciseProgress,
  ): Promise<{ ok: true; authored: AuthoredExercise } | { ok: false; problem: FolderProblem }> {
    const limits = {
      timeMs: DEFAULT_CODE_LIMITS.timeMs,
      memoryMb: DEFAULT_CODE_LIMITS.memoryMb,
      outputBytes: outputLimitBytes(DEFAULT_CODE_LIMITS),
    };
    const run = await runExerciseCalls(pool, compiled, limits, [{ entry: 'describe', args: [] }], progress);
    if (!run.ok) return run;
    let exercise: Exercise;
    try {
      exercise = exerciseFromFiles(withStubs(run.values[0]), folder.files, 'the authored exercise', compiled.hash);
    } catch (error) {
      if (error instanceof ExerciseLoadError) {
        const detail = error.message.replace(/^Invalid exercise the authored exercise: /, '');
        const file = /^(statement\.md|[a-z-]+\.ts)\b/.exec(detail)?.[1] ?? 'definition.ts';
        return { ok: false, problem: { file, message: detail.startsWith(file) ? detail : `${file}: ${detail}` } };
      }
      return {
        ok: false,
        problem: { file: 'definition.ts', message: `definition.ts: ${error instanceof Error ? error.message : String(error)}` },
      };
    }
    return { ok: true, authored: new AuthoredExercise(exercise, compiled, pool) };
  }

  /** The limits of student code for this exercise: its author's code gets the same. */
  get limits() {
    const limits = this.exercise.kind === 'code' || this.exercise.kind === 'challenge' ? this.exercise.limits : DEFAULT_CODE_LIMITS;
    return { timeMs: limits.timeMs, memoryMb: limits.memoryMb, outputBytes: outputLimitBytes(limits) };
  }

  /**
   * Everything the exercise's code gives for a variant, in one isolate job: the givens, display(), and the reference's
   * values (numeric) or the cases with their expected outputs and the mistakes' outputs (code). Throws
   * ExerciseCodeError naming the file when the author's code fails.
   */
  async variant(variant: VariantSelector, progress?: ExerciseProgress): Promise<AuthoredVariant> {
    const key = `${this.compiled.hash}#${variant}`;
    const hit = variants.get(key);
    if (hit) return hit;
    const calls: ExerciseCall[] = [
      { entry: 'params', args: [variant] },
      { entry: 'display', args: [] },
    ];
    if (this.exercise.kind === 'numeric') calls.push({ entry: 'solve', args: [variant] });
    if (this.exercise.kind === 'code')
      calls.push({ entry: 'cases', args: [variant] }, { entry: 'expected', args: [] }, { entry: 'mistakes', args: [] });
    const run = await runExerciseCalls(this.pool, this.compiled, this.limits, calls, progress);
    if (!run.ok) throw new ExerciseCodeError(run.problem);
    const data = this.check(run.values);
    if (variants.size >= VARIANTS_SIZE) variants.delete(variants.keys().next().value as string);
    variants.set(key, data);
    return data;
  }

  /** The values of a variant's job, each checked for the shape the grader relies on. */
  private check(values: unknown[]): AuthoredVariant {
    const parse = <T>(schema: z.ZodType<T>, value: unknown, file: string, what: string): T => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      throw new ExerciseCodeError({
        file,
        message: `${file}: ${what} ${issue?.path.length ? `at ${issue.path.join('.')}: ` : ''}${issue?.message ?? 'has the wrong shape'}.`,
      });
    };
    const data: AuthoredVariant = {
      params: parse(paramsSchema, values[0], 'variants.ts', 'the givens are not an object of plain data'),
      display: parse(displaySchema, values[1], 'variants.ts', 'display() must return an object of strings:'),
    };
    if (this.exercise.kind === 'numeric') {
      const solution = parse(solutionSchema, values[2], 'reference.ts', 'the reference');
      data.values = solution.values as Record<string, number>;
      data.expressions = solution.expressions;
    }
    if (this.exercise.kind === 'code') {
      const cases = parse(casesSchema, values[2], 'cases.ts', 'a case');
      const expected = values[3] as unknown[];
      const entries = new Set(this.exercise.entries.map((e) => e.name));
      const stray = cases.find((c) => !entries.has(c.entry));
      if (stray)
        throw new ExerciseCodeError({
          file: 'cases.ts',
          message: `cases.ts: case '${stray.name}' calls '${stray.entry}', which is not an entry of this exercise (${[...entries].join(', ')}).`,
        });
      data.cases = deepFreeze(
        cases.map((c, i) => ({ name: c.name, entry: c.entry, args: c.args, hidden: c.hidden, expected: expected[i] })),
      );
      data.mistakes = parse(mistakesSchema, values[4], 'mistakes.ts', 'the mistakes');
    }
    return data;
  }

  async numericSolution(variant: VariantSelector): Promise<NumericSolution> {
    const data = await this.variant(variant);
    return { kind: 'numeric', values: data.values ?? {}, expressions: data.expressions ?? {} };
  }

  async derive(variant: VariantSelector, requests: DerivationRequest[]): Promise<(number | null)[]> {
    const run = await runExerciseCalls(this.pool, this.compiled, this.limits, [
      { entry: 'params', args: [variant] },
      { entry: 'derive', args: [requests] },
    ]);
    // A formula that cannot run (or runs out of time) on these values carries nothing: the answer is just wrong.
    if (!run.ok) return requests.map(() => null);
    const parsed = derivedSchema.safeParse(run.values[1]);
    return parsed.success && parsed.data.length === requests.length ? parsed.data : requests.map(() => null);
  }

  async codeReference(variant: VariantSelector): Promise<CodeReference> {
    const data = await this.variant(variant);
    const messages = new Map(this.exercise.kind === 'code' ? this.exercise.mistakes.map((m) => [m.id, m.message]) : []);
    return {
      cases: data.cases ?? [],
      candidates: (index): MistakeCandidate[] =>
        (data.mistakes?.[index] ?? []).flatMap((m) =>
          m ? [{ name: m.id, message: messages.get(m.id as never) ?? m.id, output: m.output }] : [],
        ),
    };
  }
}

/**
 * The described definition with each function marker back as a function, so that the catalogue's own schema and
 * checks apply unchanged. These functions only throw: the author's code never runs on the host.
 */
function withStubs(value: unknown): unknown {
  if (value === FUNCTION_MARKER)
    return () => {
      throw new Error("An authored exercise's code runs only in the grader's sandbox.");
    };
  if (Array.isArray(value)) return value.map(withStubs);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withStubs(v)]));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
