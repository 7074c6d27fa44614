import type { Params, CodeCase, ExerciseKind, CodeEntry, ChoiceOption, ExpressionField } from './definition';
import type { CodeLimits } from './limits';
import type { Exercise } from './load';
import { authorSpec } from './expressionSpec';
import {
  compileExpression,
  DEFAULT_EXPRESSION_POINTS,
  parseExpression,
  sampleExpressionReference,
  type ExpressionReference,
} from './expressions';
import { casesRng, createRng, hashString, paramsRng, type VariantSelector } from './random';
import { fillStatement } from './statement';
import { DEFAULT_TOLERANCE, describeTolerance, type Tolerance } from './tolerance';

/** The givens of a variant. */
export function variantParams(exercise: Exercise, variant: VariantSelector): Params {
  return variant === 'canonical' ? exercise.variants.canonical : exercise.variants.generate(paramsRng(variant));
}

/** A code case with its reference output. */
export interface ResolvedCase extends CodeCase {
  expected: unknown;
  hidden: boolean;
}

/**
 * What a student may see of a variant (plain JSON): never hidden cases, answers or which option is correct.
 */
export interface StudentVariant {
  exercise: string;
  kind: ExerciseKind;
  title: string;
  topic: string;
  points: number;
  variant: VariantSelector;
  params: Params;
  statementMarkdown: string;
  /** numeric; `rule` is the field's tolerance in one sentence, present when it is not the course default. */
  fields?: StudentField[];
  /** code and challenge */
  entries?: CodeEntry[];
  typeDeclarations?: string;
  starter?: string;
  usesTf?: boolean;
  limits?: CodeLimits;
  /** code: sample cases with expected outputs, for Run in the browser. */
  visibleCases?: ResolvedCase[];
  /** choice */
  mode?: 'single' | 'multiple';
  options?: { id: string; text: string }[];
}

/** A numeric exercise's field as the student sees it; an expression field lists its names and functions (never its answer). */
export type StudentField =
  | { kind?: undefined; name: string; label: string; unit?: string; hint?: string; rule?: string }
  | {
      kind: 'expression';
      name: string;
      label: string;
      hint?: string;
      /** How the answer is read and checked, in one sentence. */
      rule: string;
      unit?: undefined;
      variables: { name: string; latex?: string }[];
      functions: string[];
    };

function expressionRule(field: ExpressionField): string {
  const names = field.variables.map((v) => v.name).join(', ');
  const functions = field.functions.length === 0 ? 'no functions' : `functions ${field.functions.join(', ')}`;
  return `An expression in ${names} (${functions}; + - * / and ^ or ** for powers), checked against the reference at ${field.points ?? DEFAULT_EXPRESSION_POINTS} random points.`;
}

/** What an editor needs of an exercise the student writes code for (code and challenge kinds alike). */
function editorView(exercise: Extract<Exercise, { kind: 'code' | 'challenge' }>) {
  const { entries, typeDeclarations, starter, usesTf, limits } = exercise;
  return { entries, typeDeclarations, starter, usesTf, limits };
}

/** A field's rule in one sentence when it differs from the course default (the page states the default once). */
export function fieldRule(tolerance: Tolerance | undefined): string | undefined {
  const rule = describeTolerance(tolerance ?? DEFAULT_TOLERANCE);
  return rule === describeTolerance(DEFAULT_TOLERANCE) ? undefined : rule;
}

export function instantiateVariant(exercise: Exercise, variant: VariantSelector): StudentVariant {
  const params = variantParams(exercise, variant);
  return studentView(exercise, variant, {
    params,
    display: exercise.variants.display(params),
    visibleCases: exercise.kind === 'code' ? visibleCases(exercise, variant) : [],
  });
}

/**
 * What a student sees of a variant, from what the exercise's code computed for it: its givens, the statement's
 * placeholders, and (code) the visible cases with their expected outputs. Plain data in, plain data out: a
 * site-authored exercise's computations come from its isolate.
 */
export function studentView(
  exercise: Exercise,
  variant: VariantSelector,
  computed: { params: Params; display: Record<string, string>; visibleCases: ResolvedCase[] },
): StudentVariant {
  const view: StudentVariant = {
    exercise: exercise.slug,
    kind: exercise.kind,
    title: exercise.title,
    topic: exercise.topic,
    points: exercise.points,
    variant,
    params: computed.params,
    statementMarkdown: fillStatement(exercise.statementTemplate, computed.display),
  };
  switch (exercise.kind) {
    case 'numeric':
      view.fields = exercise.fields.map((field): StudentField => {
        const { name, label, hint } = field;
        if (field.kind === 'expression') {
          return {
            kind: 'expression',
            name,
            label,
            ...(hint === undefined ? {} : { hint }),
            rule: expressionRule(field),
            variables: field.variables.map((v) => ({ name: v.name, ...(v.latex ? { latex: v.latex } : {}) })),
            functions: [...field.functions],
          };
        }
        return {
          name,
          label,
          ...(field.unit === undefined ? {} : { unit: field.unit }),
          ...(hint === undefined ? {} : { hint }),
          ...(fieldRule(field.tolerance) === undefined ? {} : { rule: fieldRule(field.tolerance) }),
        };
      });
      break;
    case 'code':
      Object.assign(view, editorView(exercise), { visibleCases: computed.visibleCases });
      break;
    case 'choice':
      view.mode = exercise.mode;
      view.options = exercise.options.map(({ id, text }) => ({ id, text }));
      break;
    case 'challenge':
      Object.assign(view, editorView(exercise));
      break;
  }
  return view;
}

function requireCode(exercise: Exercise): Extract<Exercise, { kind: 'code' }> {
  if (exercise.kind !== 'code') throw new Error(`exercise '${exercise.slug}' is ${exercise.kind}, not code`);
  return exercise;
}

/** The reference output of one case, computed on a pristine copy of its arguments. */
export function expectedOutput(exercise: Exercise, testCase: CodeCase): unknown {
  const code = requireCode(exercise);
  const reference = code.reference[testCase.entry];
  if (!reference) throw new Error(`exercise '${exercise.slug}' has no entry '${testCase.entry}'`);
  return reference(...structuredClone(testCase.args));
}

export function visibleCases(exercise: Exercise, variant: VariantSelector): ResolvedCase[] {
  const code = requireCode(exercise);
  return code.cases.visible(variantParams(exercise, variant)).map((c) => ({ ...c, expected: expectedOutput(exercise, c), hidden: false }));
}

/**
 * A variant's cases without their expected outputs: the visible ones, then the hidden ones (from the variant's case
 * stream). What an authored exercise's runtime computes in its isolate before the reference runs on each.
 */
export function variantCases(exercise: Exercise, variant: VariantSelector): (CodeCase & { hidden: boolean })[] {
  const code = requireCode(exercise);
  const params = variantParams(exercise, variant);
  return [
    ...code.cases.visible(params).map((c) => ({ ...c, hidden: false })),
    ...code.cases.hidden(params, casesRng(variant)).map((c) => ({ ...c, hidden: true })),
  ];
}

/** Server side only: the graded cases of a variant with their expected outputs. */
export function hiddenCases(exercise: Exercise, variant: VariantSelector): ResolvedCase[] {
  const code = requireCode(exercise);
  return code.cases
    .hidden(variantParams(exercise, variant), casesRng(variant))
    .map((c) => ({ ...c, expected: expectedOutput(exercise, c), hidden: true }));
}

export type VariantSolution =
  /** `expressions`: per expression field, its sample points and the reference's values there (plain data). */
  | { kind: 'numeric'; values: Record<string, number>; expressions: Record<string, ExpressionReference> }
  | { kind: 'code'; cases: ResolvedCase[] }
  | { kind: 'choice'; correct: string[]; options: ChoiceOption[] }
  | { kind: 'challenge' };

/** Server side only: the reference answers of a variant (numeric values, all code cases, correct options). */
export function solveVariant(exercise: Exercise, variant: VariantSelector): VariantSolution {
  switch (exercise.kind) {
    case 'numeric': {
      const params = variantParams(exercise, variant);
      const values = exercise.solve(params);
      const expressions: Record<string, ExpressionReference> = {};
      for (const field of exercise.fields) {
        if (field.kind === 'expression') expressions[field.name] = expressionReference(exercise.slug, field, params, variant);
        else if (typeof values[field.name] !== 'number') {
          throw new Error(`exercise '${exercise.slug}': reference gave no value for field ${field.name}`);
        }
      }
      return { kind: 'numeric', values, expressions };
    }
    case 'code':
      return { kind: 'code', cases: [...visibleCases(exercise, variant), ...hiddenCases(exercise, variant)] };
    case 'choice':
      return { kind: 'choice', correct: exercise.options.filter((o) => o.correct).map((o) => o.id), options: exercise.options };
    case 'challenge':
      return { kind: 'challenge' };
  }
}

/**
 * An expression field's reference for a variant: points drawn in the declared ranges from a stream seeded by the
 * variant and the field (so every grading of a variant compares at the same points), and the reference's value at
 * each, from its expression or its tfjs function of the params and the point.
 */
function expressionReference(slug: string, field: ExpressionField, params: Params, variant: VariantSelector): ExpressionReference {
  const source = field.reference ?? field.answer;
  let reference: (point: Record<string, number>) => number;
  if (typeof source === 'string') {
    const parsed = parseExpression(source, authorSpec(field));
    if (!parsed.ok) throw new Error(`exercise '${slug}': the reference of ${field.name} does not read: ${parsed.message}`);
    reference = compileExpression(parsed.tree);
  } else reference = (point) => source(params, point);
  const rng = createRng(hashString(`expression\u0000${String(variant)}\u0000${field.name}`));
  try {
    return sampleExpressionReference(field.variables, field.points ?? DEFAULT_EXPRESSION_POINTS, rng, reference);
  } catch (error) {
    throw new Error(`exercise '${slug}', field ${field.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Numeric, for error carried forward: recompute `fieldName` from the given upstream values (the student's) with
 * the reference's own formula. Throws if the field has no `derive`.
 */
export function deriveField(exercise: Exercise, variant: VariantSelector, fieldName: string, upstream: Record<string, number>): number {
  if (exercise.kind !== 'numeric') throw new Error(`exercise '${exercise.slug}' is ${exercise.kind}, not numeric`);
  const field = exercise.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`exercise '${exercise.slug}' has no field '${fieldName}'`);
  if (field.kind === 'expression' || !field.derive) {
    throw new Error(`field '${fieldName}' of '${exercise.slug}' is not derived from other fields`);
  }
  for (const name of field.derive.from) {
    if (typeof upstream[name] !== 'number') throw new Error(`deriveField ${fieldName}: missing upstream value ${name}`);
  }
  return field.derive.compute(variantParams(exercise, variant), upstream);
}
