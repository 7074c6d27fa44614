/**
 * The tree of an expression after the allow-list walk (parse.ts): only these nodes exist, so everything that evaluates
 * or prints an expression handles exactly them. mathjs's own node types never leave parse.ts.
 */
export type ExpressionTree =
  | { type: 'number'; value: number }
  | { type: 'variable'; name: string }
  | { type: 'constant'; name: 'e' | 'pi' }
  | { type: 'negate'; argument: ExpressionTree }
  | { type: 'binary'; operator: BinaryOperator; left: ExpressionTree; right: ExpressionTree }
  | { type: 'call'; name: ExpressionFunction; argument: ExpressionTree };

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** The functions an exercise may allow (`^` and `**` are always there: they are operators). */
export const expressionFunctions = ['exp', 'log', 'tanh', 'sigma', 'relu', 'sqrt'] as const;
export type ExpressionFunction = (typeof expressionFunctions)[number];

/** What an expression may use: declared variables (in display order) and allowed functions. Plain data. */
export interface ExpressionSpec {
  variables: readonly string[];
  functions: readonly ExpressionFunction[];
}

/** The variables a tree uses, in first-use order. */
export function variablesOf(tree: ExpressionTree, into: Set<string> = new Set()): Set<string> {
  switch (tree.type) {
    case 'variable':
      into.add(tree.name);
      break;
    case 'negate':
    case 'call':
      variablesOf(tree.argument, into);
      break;
    case 'binary':
      variablesOf(tree.left, into);
      variablesOf(tree.right, into);
      break;
  }
  return into;
}
