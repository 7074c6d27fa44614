import { z } from 'zod';
import type { Params } from './definition';
import {
  expressionFunctions,
  parseExpression,
  reservedNames,
  type ExpressionFunction,
  type ExpressionTolerance,
  type ExpressionVariable,
} from './expressions';
import { authorSpec, expressionSpec } from './expressionSpec';

/** A known wrong expression: a student's answer equivalent to it gets `message` (the grader names the mistake). */
export interface ExpressionMistake {
  /** kebab-case, shown on the dashboards (e.g. 'missing-sigma-derivative'). */
  id: string;
  /** In the field's variables; any of the six functions. */
  expression: string;
  message: string;
}

/**
 * A field whose answer is an expression in declared variables, checked Numbas-style at random points of their ranges
 * (see exercises/README.md, "Expression fields").
 */
export interface ExpressionField<P extends Params = Params> {
  kind: 'expression';
  /** Identifier (a contract: answers are keyed by it), e.g. 'dsigma_dz'. */
  name: string;
  /** Markdown/KaTeX label shown above the input. */
  label: string;
  hint?: string;
  /** The names an answer may use, in the order the page lists them, each with the range sample points come from. */
  variables: ExpressionVariable[];
  /** The functions an answer may use; + - * / ^ (and **) always. */
  functions: ExpressionFunction[];
  /** The model answer as a student would type it: instructors see it, Validate and the tests grade it correct. */
  answer: string;
  /**
   * The reference the answer is checked against: an expression (any of the six functions), or a tfjs computation at
   * one point (gradients by autodiff). Default: `answer`.
   */
  reference?: string | ((params: P, point: Record<string, number>) => number);
  /** How closely the values must agree at each point; default DEFAULT_EXPRESSION_TOLERANCE (relative 1e-4, floor 1e-7). */
  agreement?: ExpressionTolerance;
  /** How many points to compare at, 10–20 (default 12). */
  points?: number;
  /** A wrong answer's feedback names a point where it differs and both values there (off by default). */
  showDifference?: boolean;
  mistakes?: ExpressionMistake[];
  // A number field's settings, absent here (so code that reads them off any field needs no narrowing).
  tolerance?: never;
  derive?: never;
  plausible?: never;
  unit?: never;
}

export { authorSpec, expressionSpec };

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an identifier like dE_dw5');
const fn = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function', 'expected a function');

export const expressionFieldSchema = z
  .object({
    kind: z.literal('expression'),
    name: identifier,
    label: z.string().min(1),
    hint: z.string().optional(),
    variables: z
      .array(
        z
          .object({
            name: identifier.refine((name) => !reservedNames.has(name), 'is a function, a constant or a word the parser reserves'),
            min: z.number(),
            max: z.number(),
            latex: z.string().min(1).optional(),
          })
          .strict()
          .refine((v) => Number.isFinite(v.min) && Number.isFinite(v.max) && v.min < v.max, 'expected finite min < max'),
      )
      .min(1),
    functions: z.array(z.enum(expressionFunctions)),
    answer: z.string().min(1),
    reference: z.union([z.string().min(1), fn]).optional(),
    agreement: z
      .object({ relative: z.number().min(0).max(0.1), absolute: z.number().min(0) })
      .strict()
      .optional(),
    points: z.number().int().min(10).max(20).optional(),
    showDifference: z.boolean().optional(),
    mistakes: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
            expression: z.string().min(1),
            message: z.string().min(1),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    const names = field.variables.map((v) => v.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['variables'], message: 'duplicate variable name' });
    // The expressions of the definition must read as they will at grading: a typo here is the author's, found at load.
    const answer = parseExpression(field.answer, expressionSpec(field));
    if (!answer.ok) ctx.addIssue({ code: 'custom', path: ['answer'], message: `the model answer does not read: ${answer.message}` });
    if (typeof field.reference === 'string') {
      const reference = parseExpression(field.reference, authorSpec(field));
      if (!reference.ok) ctx.addIssue({ code: 'custom', path: ['reference'], message: reference.message });
    }
    field.mistakes?.forEach((mistake, index) => {
      const parsed = parseExpression(mistake.expression, authorSpec(field));
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['mistakes', index, 'expression'], message: parsed.message });
    });
  });
