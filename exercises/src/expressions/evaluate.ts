import { constantValues, functionTable } from './functions';
import type { ExpressionTree } from './tree';

/** A point: a value for each variable. */
export type ExpressionPoint = Readonly<Record<string, number>>;

/**
 * Our own evaluator over the walked tree (never mathjs's evaluate): compiled once into closures, then run at each
 * point in float64. Undefined results (log of a negative, division by 0, 0^−1) come out as NaN or ±∞, which the
 * equivalence check treats as "undefined here".
 */
export function compileExpression(tree: ExpressionTree): (point: ExpressionPoint) => number {
  switch (tree.type) {
    case 'number': {
      const value = tree.value;
      return () => value;
    }
    case 'constant': {
      const value = constantValues[tree.name];
      return () => value;
    }
    case 'variable': {
      const name = tree.name;
      return (point) => {
        const value = point[name];
        if (value === undefined) throw new Error(`no value for variable ${name}`);
        return value;
      };
    }
    case 'negate': {
      const argument = compileExpression(tree.argument);
      return (point) => -argument(point);
    }
    case 'call': {
      const fn = functionTable[tree.name].evaluate;
      const argument = compileExpression(tree.argument);
      return (point) => fn(argument(point));
    }
    case 'binary': {
      const left = compileExpression(tree.left);
      const right = compileExpression(tree.right);
      switch (tree.operator) {
        case '+':
          return (point) => left(point) + right(point);
        case '-':
          return (point) => left(point) - right(point);
        case '*':
          return (point) => left(point) * right(point);
        case '/':
          return (point) => left(point) / right(point);
        case '^':
          return (point) => Math.pow(left(point), right(point));
      }
    }
  }
}
