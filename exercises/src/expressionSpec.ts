import type { ExpressionField } from './expressionField';
import { expressionFunctions, type ExpressionSpec } from './expressions/tree';

/*
 * Apart from expressionField.ts (its zod schema) so that solveVariant's expression references need neither zod nor
 * the parser's mathjs to load: an authored exercise's isolate carries only what its own fields use.
 */

/** What a student's answer to the field may use. */
export function expressionSpec(field: Pick<ExpressionField, 'variables' | 'functions'>): ExpressionSpec {
  return { variables: field.variables.map((v) => v.name), functions: field.functions };
}

/** What the exercise's own expressions (reference, mistakes) may use: the field's variables, every function. */
export function authorSpec(field: Pick<ExpressionField, 'variables'>): ExpressionSpec {
  return { variables: field.variables.map((v) => v.name), functions: expressionFunctions };
}
