import {
  isWithinTolerance,
  DEFAULT_TOLERANCE,
  fillStatement,
  statementPlaceholders,
  studentView,
  variantSeed,
  type Exercise,
  type StudentVariant,
  type VariantSelector,
} from '@deltalab/exercises';
import { gradeSubmission } from '../gradeSubmission';
import type { Submission } from '../protocol';
import { ExerciseCodeError } from '../reference/exerciseReference';
import type { IsolatePool } from '../sandbox';
import type { CompiledModule } from '../sandbox/compileSubmission';
import { AuthoredExercise, type AuthoredVariant, type ExerciseProgress } from './authoredExercise';
import type { CompiledExercise, ExerciseFolder, FolderProblem } from './compileExerciseFolder';

/** A problem of a folder at one variant. */
type VariantProblem = FolderProblem & { variant?: VariantSelector };

/** What the reference gives for a variant, for the instructor's eyes only. */
export type FolderReference =
  /** `expression`: an expression field's model answer (its `value` is NaN: there is no one number). */
  | { kind: 'numeric'; values: { name: string; label: string; value: number; expression?: string }[] }
  | { kind: 'choice'; correct: string[] }
  | { kind: 'code'; solutionSource: string | null }
  | { kind: 'challenge' };

export type FolderValidation = {
  ok: boolean;
  hash: string;
  problems: VariantProblem[];
  /** Variants checked: canonical and `others` more. */
  variantsChecked: number;
  /** The definition as plain JSON (no functions), what the site stores with a version; absent when it does not load. */
  snapshot?: Record<string, unknown>;
  /** The canonical variant as a student sees it, and its reference answers. */
  canonical?: { variant: StudentVariant; reference: FolderReference };
};

/** The number of variants beside the canonical one that Validate runs (the issue's 20). */
export const VALIDATION_VARIANTS = 20;

/** What the supervising process compiled for an authoring task: the folder, and (code) its solution and known-wrong files. */
export type CompiledFolder = { exercise: CompiledExercise; solution?: CompiledModule; knownWrong?: CompiledModule };

type Inspection = { pool: IsolatePool; progress?: ExerciseProgress };

/**
 * Validate: the real grader on the canonical variant and `others` more, the author's code in isolates throughout.
 * Refuses (problems) when the folder does not load, its code throws or breaks a limit, the reference gives a
 * non-finite value, the statement names a value that a variant's display() does not give (or fills in to more than
 * the limit), a field's derive formula disagrees with the reference on the reference's own values, the reference's
 * own answers do not pass (numeric), or the solution fails / the known-wrong file passes (code).
 */
export async function validateExerciseFolder(
  folder: ExerciseFolder,
  compiled: CompiledFolder,
  options: Inspection & { others?: number },
): Promise<FolderValidation> {
  const others = options.others ?? VALIDATION_VARIANTS;
  const load = await AuthoredExercise.load(compiled.exercise, folder, options.pool, options.progress);
  if (!load.ok) return { ok: false, hash: folder.hash, problems: [load.problem], variantsChecked: 0 };
  const authored = load.authored;
  const exercise = authored.exercise;
  const problems: VariantProblem[] = [];
  const variants: VariantSelector[] = [
    'canonical',
    ...Array.from({ length: others }, (_, i) => variantSeed(exercise.slug, `validate-${i}`)),
  ];
  const placeholders = statementPlaceholders(exercise.statementTemplate);
  for (const variant of variants) {
    const label = variant === 'canonical' ? 'the canonical variant' : `variant ${variant}`;
    let data: AuthoredVariant;
    try {
      data = await authored.variant(variant, options.progress);
    } catch (error) {
      if (!(error instanceof ExerciseCodeError)) throw error;
      problems.push({ ...error.problem, message: `${error.problem.message} (${label})`, variant });
      break; // the same code would fail the same way on the other variants: one report is enough
    }
    const missing = placeholders.filter((name) => typeof data.display[name] !== 'string');
    if (missing.length > 0) {
      problems.push({
        file: 'statement.md',
        variant,
        message: `statement.md names {{${missing.join('}}, {{')}}}, which display() does not give for ${label}.`,
      });
    } else {
      try {
        fillStatement(exercise.statementTemplate, data.display);
      } catch (error) {
        problems.push({ file: 'statement.md', variant, message: `statement.md: ${messageOf(error)} (${label}).` });
      }
    }
    problems.push(...(await checkReference(authored, variant, label, data, compiled, options)));
    if (problems.length >= 10) break;
  }
  const canonicalOk = !problems.some((p) => p.variant === 'canonical' || p.variant === undefined);
  return {
    ok: problems.length === 0,
    hash: folder.hash,
    problems,
    variantsChecked: variants.length,
    snapshot: exerciseSnapshot(exercise),
    canonical: canonicalOk ? await instantiateAuthored(authored, 'canonical', options.progress) : undefined,
  };
}

async function checkReference(
  authored: AuthoredExercise,
  variant: VariantSelector,
  label: string,
  data: AuthoredVariant,
  compiled: CompiledFolder,
  options: Inspection,
): Promise<VariantProblem[]> {
  const exercise = authored.exercise;
  const grade = (submission: Submission, module?: CompiledModule) =>
    gradeSubmission(
      { exercise: exercise.slug, variant, submission },
      { pool: options.pool, reference: authored, ...(module ? { compiled: { submission: module } } : {}) },
    );
  if (exercise.kind === 'numeric') {
    const values = data.values ?? {};
    const bad = exercise.fields.filter((f) => f.kind !== 'expression' && !Number.isFinite(values[f.name]));
    if (bad.length > 0) {
      return [
        {
          file: 'reference.ts',
          variant,
          message: `reference.ts: the reference gives ${bad.map((f) => `${f.name} = ${String(values[f.name])}`).join(', ')} for ${label}: every value must be a finite number.`,
        },
      ];
    }
    // Each derive formula, fed the reference's own upstream values, must give the reference's value back.
    const derived = exercise.fields.flatMap((f) => (f.kind !== 'expression' && f.derive ? [{ ...f, derive: f.derive }] : []));
    if (derived.length > 0) {
      const requests = derived.map((f) => ({ field: f.name, upstream: Object.fromEntries(f.derive.from.map((n) => [n, values[n]!])) }));
      const computed = await authored.derive(variant, requests);
      const wrong = derived.flatMap((field, i) => {
        const value = computed[i];
        const tolerance = field.tolerance ?? DEFAULT_TOLERANCE;
        return typeof value === 'number' && isWithinTolerance(value, values[field.name]!, tolerance)
          ? []
          : [
              `${field.name}'s derive.compute() gives ${value === null || value === undefined ? 'nothing (it throws)' : value} from the reference's own ${field.derive.from.join(', ')}, where the reference gives ${values[field.name]}`,
            ];
      });
      if (wrong.length > 0) return [{ file: 'definition.ts', variant, message: `definition.ts: ${wrong.join('; ')} (${label}).` }];
    }
    // The grader itself on the reference's answers (an expression field's model answer): every field must come out correct.
    const answers = Object.fromEntries(exercise.fields.map((f) => [f.name, f.kind === 'expression' ? f.answer : values[f.name]!]));
    const result = await grade({ kind: 'numeric', answers });
    if (!result.passed) {
      const wrong = result.fields?.filter((f) => f.status !== 'correct') ?? [];
      return [
        {
          file: 'definition.ts',
          variant,
          message: `definition.ts: the grader does not accept the reference's own answers for ${label}: ${wrong.map((f) => `${f.name}: ${f.message}`).join('; ') || result.error?.message}`,
        },
      ];
    }
    // A mistake expression the grader accepts as correct would never be diagnosed, and hides a wrong reference.
    for (const field of exercise.fields) {
      if (field.kind !== 'expression') continue;
      for (const mistake of field.mistakes ?? []) {
        const graded = await grade({ kind: 'numeric', answers: { [field.name]: mistake.expression } });
        if (graded.fields?.find((f) => f.name === field.name)?.status === 'correct')
          return [
            {
              file: 'definition.ts',
              variant,
              message: `definition.ts: the mistake '${mistake.id}' of ${field.name} is equivalent to the reference for ${label}.`,
            },
          ];
      }
    }
  }
  if (exercise.kind === 'code') {
    const cases = data.cases ?? [];
    if (cases.length === 0) return [{ file: 'cases.ts', variant, message: `cases.ts gives no case for ${label}.` }];
    const nonFinite = cases.find((c) => hasNonFinite(c.expected));
    if (nonFinite)
      return [
        {
          file: 'reference.ts',
          variant,
          message: `reference.ts: the reference gives a non-finite value in case '${nonFinite.name}' for ${label}.`,
        },
      ];
    const problems: VariantProblem[] = [];
    const right = await grade({ kind: 'code', code: exercise.solutionSource ?? '' }, compiled.solution);
    if (!right.passed) {
      const failing = right.cases?.find((c) => !c.passed);
      problems.push({
        file: 'solution.ts',
        variant,
        message: `solution.ts fails for ${label}: ${right.error?.message ?? `case '${failing?.name}': ${failing?.message}`}`,
      });
    }
    const wrong = await grade({ kind: 'code', code: exercise.knownWrongSource ?? '' }, compiled.knownWrong);
    if (wrong.passed)
      problems.push({
        file: 'known-wrong.ts',
        variant,
        message: `known-wrong.ts passes for ${label}: the hidden cases do not catch the mistake it makes.`,
      });
    return problems;
  }
  return [];
}

/** A variant of an authored folder as a student sees it, with the reference answers (instructors' previews). */
export async function instantiateExerciseFolder(
  folder: ExerciseFolder,
  compiled: CompiledExercise,
  variant: VariantSelector,
  options: Inspection,
): Promise<{ ok: true; variant: StudentVariant; reference: FolderReference } | { ok: false; problem: FolderProblem }> {
  const load = await AuthoredExercise.load(compiled, folder, options.pool, options.progress);
  if (!load.ok) return load;
  try {
    return { ok: true, ...(await instantiateAuthored(load.authored, variant, options.progress)) };
  } catch (error) {
    if (error instanceof ExerciseCodeError) return { ok: false, problem: error.problem };
    throw error;
  }
}

async function instantiateAuthored(
  authored: AuthoredExercise,
  variant: VariantSelector,
  progress?: ExerciseProgress,
): Promise<{ variant: StudentVariant; reference: FolderReference }> {
  const data = await authored.variant(variant, progress);
  const exercise = authored.exercise;
  let view: StudentVariant;
  try {
    view = studentView(exercise, variant, {
      params: data.params,
      display: data.display,
      visibleCases: (data.cases ?? []).filter((c) => !c.hidden),
    });
  } catch (error) {
    throw new ExerciseCodeError({ file: 'statement.md', message: `statement.md: ${messageOf(error)}.` });
  }
  return { variant: view, reference: referenceAnswers(exercise, data) };
}

function referenceAnswers(exercise: Exercise, data: AuthoredVariant): FolderReference {
  switch (exercise.kind) {
    case 'numeric':
      return {
        kind: 'numeric',
        values: exercise.fields.map((f) => ({
          name: f.name,
          label: f.label,
          value: data.values?.[f.name] ?? Number.NaN,
          ...(f.kind === 'expression' ? { expression: f.answer } : {}),
        })),
      };
    case 'choice':
      return { kind: 'choice', correct: exercise.options.filter((o) => o.correct).map((o) => o.id) };
    case 'code':
      return { kind: 'code', solutionSource: exercise.solutionSource ?? null };
    case 'challenge':
      return { kind: 'challenge' };
  }
}

/** The definition as plain JSON: what the site keeps with a version (field names, tolerances, limits…), no code. */
function exerciseSnapshot(exercise: Exercise): Record<string, unknown> {
  const { solutionSource: _solution, knownWrongSource: _knownWrong, ...rest } = exercise;
  return JSON.parse(JSON.stringify({ ...rest, canonical: exercise.variants.canonical })) as Record<string, unknown>;
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonFinite);
  if (value && typeof value === 'object') return Object.values(value).some(hasNonFinite);
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
