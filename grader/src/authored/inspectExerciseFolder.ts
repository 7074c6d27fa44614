import {
  instantiateVariant,
  solveVariant,
  statementPlaceholders,
  variantParams,
  variantSeed,
  type Exercise,
  type StudentVariant,
  type VariantSelector,
} from '@deltalab/exercises';
import { gradeSubmission } from '../gradeSubmission';
import type { IsolatePool } from '../sandbox';
import { ExerciseFolderError, loadExerciseFolder, type ExerciseFolder } from './compileExerciseFolder';

/** One reason an authored exercise may not be published, with the file to look at. */
export type FolderProblem = { file: string; variant?: VariantSelector; message: string };

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
  problems: FolderProblem[];
  /** Variants checked: canonical and `others` more. */
  variantsChecked: number;
  /** The definition as plain JSON (no functions), what the site stores with a version; absent when it does not load. */
  snapshot?: Record<string, unknown>;
  /** The canonical variant as a student sees it, and its reference answers. */
  canonical?: { variant: StudentVariant; reference: FolderReference };
};

/** The number of variants beside the canonical one that Validate runs (the issue's 20). */
export const VALIDATION_VARIANTS = 20;

/**
 * Validate: the real grader on the canonical variant and `others` more. Refuses (problems) when the folder does not
 * compile or load, the reference throws or gives a non-finite value, the statement names a value that a variant's
 * display() does not give, the reference's own answers do not pass (numeric), or the solution fails / the known-wrong
 * file passes (code).
 */
export async function validateExerciseFolder(
  folder: ExerciseFolder,
  options: { pool: IsolatePool; others?: number },
): Promise<FolderValidation> {
  const others = options.others ?? VALIDATION_VARIANTS;
  let exercise: Exercise;
  try {
    exercise = await loadExerciseFolder(folder);
  } catch (error) {
    if (!(error instanceof ExerciseFolderError)) throw error;
    return { ok: false, hash: folder.hash, problems: [{ file: error.file, message: error.message }], variantsChecked: 0 };
  }
  const problems: FolderProblem[] = [];
  const variants: VariantSelector[] = [
    'canonical',
    ...Array.from({ length: others }, (_, i) => variantSeed(exercise.slug, `validate-${i}`)),
  ];
  const placeholders = statementPlaceholders(exercise.statementTemplate);
  for (const variant of variants) {
    const label = variant === 'canonical' ? 'the canonical variant' : `variant ${variant}`;
    let display: Record<string, string>;
    try {
      display = exercise.variants.display(variantParams(exercise, variant));
    } catch (error) {
      problems.push({ file: 'variants.ts', variant, message: `variants.ts throws for ${label}: ${messageOf(error)}` });
      continue;
    }
    const missing = placeholders.filter((name) => typeof display[name] !== 'string');
    if (missing.length > 0) {
      problems.push({
        file: 'statement.md',
        variant,
        message: `statement.md names {{${missing.join('}}, {{')}}}, which display() does not give for ${label}.`,
      });
    }
    problems.push(...(await checkReference(exercise, variant, label, options.pool)));
    if (problems.length >= 10) break;
  }
  return {
    ok: problems.length === 0,
    hash: folder.hash,
    problems,
    variantsChecked: variants.length,
    snapshot: exerciseSnapshot(exercise),
    canonical: problems.some((p) => p.variant === 'canonical') ? undefined : await instantiateLoaded(exercise, 'canonical'),
  };
}

async function checkReference(exercise: Exercise, variant: VariantSelector, label: string, pool: IsolatePool): Promise<FolderProblem[]> {
  let solution;
  try {
    solution = solveVariant(exercise, variant);
  } catch (error) {
    return [{ file: 'reference.ts', variant, message: `The reference throws for ${label}: ${messageOf(error)}` }];
  }
  if (solution.kind === 'numeric' && exercise.kind === 'numeric') {
    const bad = exercise.fields.filter((f) => f.kind !== 'expression' && !Number.isFinite(solution.values[f.name]));
    if (bad.length > 0) {
      return [
        {
          file: 'reference.ts',
          variant,
          message: `The reference gives ${bad.map((f) => `${f.name} = ${solution.values[f.name]}`).join(', ')} for ${label}: every value must be a finite number.`,
        },
      ];
    }
    // The grader itself on the reference's answers: every field must come out correct.
    const answers = Object.fromEntries(exercise.fields.map((f) => [f.name, f.kind === 'expression' ? f.answer : solution.values[f.name]!]));
    const grade = await gradeLoaded(exercise, variant, { kind: 'numeric', answers }, pool);
    const wrong = grade.fields?.filter((f) => f.status !== 'correct') ?? [];
    if (!grade.passed) {
      return [
        {
          file: 'definition.ts',
          variant,
          message: `The grader does not accept the reference's own answers for ${label}: ${wrong.map((f) => `${f.name}: ${f.message}`).join('; ') || grade.error?.message}`,
        },
      ];
    }
    // A mistake expression the grader accepts as correct would never be diagnosed, and hides a wrong reference.
    for (const field of exercise.fields) {
      if (field.kind !== 'expression') continue;
      for (const mistake of field.mistakes ?? []) {
        const graded = await gradeLoaded(exercise, variant, { kind: 'numeric', answers: { [field.name]: mistake.expression } }, pool);
        if (graded.fields?.find((f) => f.name === field.name)?.status === 'correct') {
          return [
            {
              file: 'definition.ts',
              variant,
              message: `The mistake '${mistake.id}' of ${field.name} is equivalent to the reference for ${label}.`,
            },
          ];
        }
      }
    }
  }
  if (solution.kind === 'code' && exercise.kind === 'code') {
    const nonFinite = solution.cases.find((c) => hasNonFinite(c.expected));
    if (nonFinite)
      return [
        { file: 'reference.ts', variant, message: `The reference gives a non-finite value in case '${nonFinite.name}' for ${label}.` },
      ];
    const problems: FolderProblem[] = [];
    const right = await gradeLoaded(exercise, variant, { kind: 'code', code: exercise.solutionSource ?? '' }, pool);
    if (!right.passed) {
      const failing = right.cases?.find((c) => !c.passed);
      problems.push({
        file: 'solution.ts',
        variant,
        message: `solution.ts fails for ${label}: ${right.error?.message ?? `case '${failing?.name}': ${failing?.message}`}`,
      });
    }
    const wrong = await gradeLoaded(exercise, variant, { kind: 'code', code: exercise.knownWrongSource ?? '' }, pool);
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

function gradeLoaded(
  exercise: Exercise,
  variant: VariantSelector,
  submission: Parameters<typeof gradeSubmission>[0]['submission'],
  pool: IsolatePool,
) {
  return gradeSubmission({ exercise: exercise.slug, variant, submission }, { pool, exercise });
}

/** A variant of an authored folder as a student sees it, with the reference answers (instructors' previews). */
export async function instantiateExerciseFolder(folder: ExerciseFolder, variant: VariantSelector) {
  return instantiateLoaded(await loadExerciseFolder(folder), variant);
}

async function instantiateLoaded(
  exercise: Exercise,
  variant: VariantSelector,
): Promise<{ variant: StudentVariant; reference: FolderReference }> {
  return { variant: instantiateVariant(exercise, variant), reference: referenceAnswers(exercise, variant) };
}

function referenceAnswers(exercise: Exercise, variant: VariantSelector): FolderReference {
  switch (exercise.kind) {
    case 'numeric': {
      const solution = solveVariant(exercise, variant);
      const values = solution.kind === 'numeric' ? solution.values : {};
      return {
        kind: 'numeric',
        values: exercise.fields.map((f) => ({
          name: f.name,
          label: f.label,
          value: values[f.name] ?? Number.NaN,
          ...(f.kind === 'expression' ? { expression: f.answer } : {}),
        })),
      };
    }
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
