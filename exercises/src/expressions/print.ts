import { functionTable } from './functions';
import { greekNames } from './normalise';
import type { ExpressionTree } from './tree';

/**
 * Two ways to write a walked tree back: plain text (the canonical form the grader records and the dashboards group
 * by; it parses back to the same tree) and LaTeX for the "read as" preview, which shows every product as a dot and
 * every grouping the parser chose, so a student sees how 1/2x or -x^2 was read.
 */

const precedence = (tree: ExpressionTree): number => {
  if (tree.type === 'binary') return tree.operator === '^' ? 4 : tree.operator === '*' || tree.operator === '/' ? 2 : 1;
  return tree.type === 'negate' ? 3 : 5;
};

function formatNumber(value: number): string {
  return String(value);
}

export function expressionToText(tree: ExpressionTree): string {
  const wrap = (inner: ExpressionTree, parens: boolean) => (parens ? `(${expressionToText(inner)})` : expressionToText(inner));
  switch (tree.type) {
    case 'number':
      return formatNumber(tree.value);
    case 'variable':
    case 'constant':
      return tree.name;
    case 'call':
      return `${tree.name}(${expressionToText(tree.argument)})`;
    case 'negate':
      return `-${wrap(tree.argument, precedence(tree.argument) <= 3)}`;
    case 'binary': {
      const p = precedence(tree);
      if (tree.operator === '^') return `${wrap(tree.left, precedence(tree.left) <= 4)}^${wrap(tree.right, precedence(tree.right) < 4)}`;
      const spaced = tree.operator === '+' || tree.operator === '-' ? ` ${tree.operator} ` : tree.operator;
      return `${wrap(tree.left, precedence(tree.left) < p)}${spaced}${wrap(tree.right, precedence(tree.right) <= p)}`;
    }
  }
}

const greekLatex = new Map(Object.values(greekNames).map((name) => [name, `\\${name === 'epsilon' ? 'varepsilon' : name}`]));
greekLatex.delete('sqrt');

/** out_h1 → \mathit{out}_{h1}, w5 → w_{5}, lambda → \lambda: how a variable name is typeset by default. */
export function variableLatex(name: string): string {
  const word = (text: string) => greekLatex.get(text) ?? (text.length > 1 ? `\\mathit{${text}}` : text);
  const underscore = name.indexOf('_');
  if (underscore > 0) {
    const subscript = name.slice(underscore + 1).replaceAll('_', '\\_');
    return `${word(name.slice(0, underscore))}_{${subscript}}`;
  }
  const digits = /^([A-Za-z]+)(\d+)$/.exec(name);
  return digits ? `${word(digits[1]!)}_{${digits[2]}}` : word(name);
}

const paren = (latex: string) => `\\left(${latex}\\right)`;

function numberLatex(value: number): string {
  const text = formatNumber(value);
  const match = /^(.*)e([+-]?)(\d+)$/.exec(text);
  // A product, as the grader reads it back from the math field (1e-9 is 1·10⁻⁹).
  return match ? `${match[1]} \\cdot 10^{${match[2] === '-' ? '-' : ''}${match[3]}}` : text;
}

/** LaTeX of the tree as read; `names` overrides how a variable is typeset (the exercise's choice, e.g. \hat{y}). */
export function expressionToLatex(tree: ExpressionTree, names: Readonly<Record<string, string>> = {}): string {
  const latex = (inner: ExpressionTree) => expressionToLatex(inner, names);
  switch (tree.type) {
    case 'number':
      return numberLatex(tree.value);
    case 'variable':
      return names[tree.name] ?? variableLatex(tree.name);
    case 'constant':
      return tree.name === 'pi' ? '\\pi' : 'e';
    case 'call':
      return tree.name === 'sqrt' ? `\\sqrt{${latex(tree.argument)}}` : `${functionTable[tree.name].latex}${paren(latex(tree.argument))}`;
    case 'negate': {
      const argument = latex(tree.argument);
      return `-${precedence(tree.argument) <= 3 && !isFraction(tree.argument) ? paren(argument) : argument}`;
    }
    case 'binary': {
      const left = latex(tree.left);
      const right = latex(tree.right);
      switch (tree.operator) {
        case '/':
          return `\\frac{${left}}{${right}}`;
        case '^':
          return `${precedence(tree.left) <= 4 || isFraction(tree.left) ? paren(left) : left}^{${right}}`;
        case '*':
          return `${precedence(tree.left) < 2 ? paren(left) : left} \\cdot ${precedence(tree.right) < 2 || tree.right.type === 'negate' ? paren(right) : right}`;
        default: {
          const rightParens = tree.right.type === 'negate' || (tree.operator === '-' && precedence(tree.right) <= 1);
          return `${left} ${tree.operator} ${rightParens ? paren(right) : right}`;
        }
      }
    }
  }
}

const isFraction = (tree: ExpressionTree) => tree.type === 'binary' && tree.operator === '/';
