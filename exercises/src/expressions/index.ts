/**
 * `@deltalab/exercises/expressions`: symbolic answers, browser-safe (mathjs's parser and plain TypeScript; no node:,
 * no tfjs, no zod), shared by the grader, the exercise page's "read as" preview and the exercises' own checks.
 * parse (allow-list walk) → compile (our evaluator) → compare at the reference's sample points.
 */
export { parseExpression, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, type ParsedExpression, type ExpressionProblemKind } from './parse';
export { compileExpression, type ExpressionPoint } from './evaluate';
export { expressionToLatex, expressionToText, variableLatex } from './print';
export { latexToExpressionText } from './latexInput';
export {
  compareAtPoints,
  sampleExpressionReference,
  withinExpressionTolerance,
  DEFAULT_EXPRESSION_POINTS,
  DEFAULT_EXPRESSION_TOLERANCE,
  type ExpressionReference,
  type ExpressionTolerance,
  type ExpressionVariable,
  type PointComparison,
} from './equivalence';
export { expressionFunctions, variablesOf, type ExpressionFunction, type ExpressionSpec, type ExpressionTree } from './tree';
export { reservedNames } from './functions';
