// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types that web's and grader's tsc must see too (they compile this file, not its folder)
/// <reference path="./mathjsBundle.d.ts" />
import type { MathNode } from 'mathjs';
import math from 'mathjs/lib/browser/math.js';
import { functionAliases, functionTable, knownOtherFunctions } from './functions';
import { normaliseExpressionText } from './normalise';
import { suggestName } from './suggest';
import { expressionFunctions, type BinaryOperator, type ExpressionFunction, type ExpressionSpec, type ExpressionTree } from './tree';

/** Longest text accepted (the answers in the notes are under 100 characters). Checked before mathjs sees the text. */
export const MAX_EXPRESSION_LENGTH = 400;
/** Deepest nesting accepted (operators and calls), so evaluating and printing stay shallow recursions. */
export const MAX_EXPRESSION_DEPTH = 40;

export type ExpressionProblemKind =
  | 'empty'
  | 'too-long'
  | 'too-deep'
  | 'character'
  | 'syntax'
  | 'unknown-name'
  | 'function-not-allowed'
  | 'unknown-function'
  | 'function-without-argument'
  | 'arguments'
  | 'not-allowed';

export type ParsedExpression =
  | { ok: true; tree: ExpressionTree }
  | { ok: false; problem: ExpressionProblemKind; message: string; /** 1-based, in the text as typed */ position?: number };

// Only the parser of mathjs: its evaluate/compile are never used (they have had sandbox escapes); the tree it builds
// goes through the allow-list walk below, and our own evaluator runs the result. From its single-file build: every
// process that loads the exercises (a grading child, the CLI, the web server) imports this module, and the main
// entry's ES modules cost 1.5 s of CPU to load where the one file costs 0.3 s.
// Made on first use: an exercise without expression fields (an authored one, in its isolate) never pays for mathjs.
let mathParse: ((text: string) => MathNode) | undefined;
const parse = (text: string): MathNode => (mathParse ??= math.create({ parseDependencies: math.parseDependencies! }).parse)(text);

class Refusal extends Error {
  constructor(
    readonly problem: ExpressionProblemKind,
    message: string,
    /** The name the refusal is about, to point at it in the text. */
    readonly subject?: string,
  ) {
    super(message);
  }
}

const operators: Record<string, BinaryOperator> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };

/**
 * Reads a student's expression: normalises the typing (normalise.ts), parses it with mathjs, then walks the tree,
 * letting through only numbers, the declared variables, e and π, + - * / ^ (unary too), parentheses and the allowed
 * functions of one argument. Everything else is refused with one sentence saying what and, where it helps, where
 * and what was probably meant.
 */
export function parseExpression(input: string, spec: ExpressionSpec): ParsedExpression {
  if (input.trim() === '') return { ok: false, problem: 'empty', message: 'Write an expression.' };
  if (input.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      problem: 'too-long',
      message: `The expression is ${input.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are accepted.`,
    };
  }
  const normalised = normaliseExpressionText(input);
  if (!normalised.ok) {
    return {
      ok: false,
      problem: 'character',
      message: characterMessage(normalised.character, normalised.position),
      position: normalised.position,
    };
  }
  const { text, origin } = normalised;
  // Past the end ("ends too early") is one past the last character typed.
  const at = (index0: number) => (index0 >= origin.length ? input.length + 1 : origin[index0]! + 1);
  const radix = /(^|[^A-Za-z0-9_.])0[xXbBoO][0-9A-Fa-f]/.exec(text);
  if (radix) {
    const position = at(radix.index + radix[1]!.length);
    return {
      ok: false,
      problem: 'syntax',
      message: `Write numbers in decimal (character ${position}: 0x…, 0b… and 0o… are not read).`,
      position,
    };
  }
  let node: MathNode;
  try {
    node = parse(text);
  } catch (error) {
    return syntaxProblem(error, text, at);
  }
  try {
    return { ok: true, tree: walk(node, spec, 0) };
  } catch (error) {
    if (error instanceof Refusal) {
      const position = positionOfProblem(error, text, at);
      return { ok: false, problem: error.problem, message: error.message, ...(position ? { position } : {}) };
    }
    throw error;
  }
}

function characterMessage(character: string, position: number): string {
  const where = `(character ${position})`;
  if (character === '=') return `Write only the expression, without “=” ${where}.`;
  if (character === '<' || character === '>') return `Comparisons are not allowed ${where}: write the expression itself.`;
  if (character === '[' || character === ']' || character === '{' || character === '}')
    return `Use round parentheses ( ) to group ${where}.`;
  if (character === '!') return `Factorials (“!”) are not allowed ${where}.`;
  return `The character “${character}” ${where} is not allowed: use numbers, the names listed, + - * / ^ and parentheses.`;
}

function syntaxProblem(error: unknown, text: string, at: (index0: number) => number): ParsedExpression {
  const char = typeof (error as { char?: unknown }).char === 'number' ? (error as { char: number }).char : undefined;
  const position = char === undefined ? undefined : at(char - 1);
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\s*\(char \d+\)\s*$/, '');
  const where = position === undefined ? '' : ` at character ${position}`;
  if (char !== undefined && text[char - 1] === ',') {
    return {
      ok: false,
      problem: 'syntax',
      message: `A comma${where} is not read: write decimals with a point (0.5), and each function takes one argument.`,
      ...(position === undefined ? {} : { position }),
    };
  }
  const explained = detail
    .replace(/^Unexpected end of expression$/, 'the expression ends too early (an operator or a parenthesis is missing its other side)')
    .replace(/^Parenthesis \) expected$/, 'a closing parenthesis “)” is missing')
    .replace(/^Unexpected operator \)$/, 'there is a “)” without its “(”')
    .replace(/^Value expected$/, 'a value is missing');
  return { ok: false, problem: 'syntax', message: `Syntax error${where}: ${explained}.`, ...(position === undefined ? {} : { position }) };
}

/** Points an unknown name at its first occurrence as a whole word in the text. */
function positionOfProblem(error: Refusal, text: string, at: (index0: number) => number): number | undefined {
  const name = error.subject;
  if (!name) return undefined;
  const match = new RegExp(`(^|[^A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).exec(text);
  return match ? at(match.index + match[1]!.length) : undefined;
}

function refuse(problem: ExpressionProblemKind, message: string, subject?: string): never {
  throw new Refusal(problem, message, subject);
}

const listOf = (names: readonly string[]) => names.join(', ');

function functionsSentence(spec: ExpressionSpec): string {
  return spec.functions.length === 0 ? 'no functions are allowed in this answer' : `allowed functions: ${listOf(spec.functions)}`;
}

function isAllowedFunction(name: string, spec: ExpressionSpec): name is ExpressionFunction {
  return (spec.functions as readonly string[]).includes(name);
}

function walk(node: MathNode, spec: ExpressionSpec, depth: number): ExpressionTree {
  if (depth > MAX_EXPRESSION_DEPTH) refuse('too-deep', `The expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep.`);
  const next = depth + 1;
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ParenthesisNode':
      return walk(n.content as MathNode, spec, depth);
    case 'ConstantNode': {
      const value = n.value;
      if (typeof value !== 'number') refuse('not-allowed', `Only numbers and the names listed are allowed, not ${JSON.stringify(value)}.`);
      if (!Number.isFinite(value)) refuse('not-allowed', 'A number in the expression is too large.');
      return { type: 'number', value };
    }
    case 'SymbolNode':
      return symbol(n.name as string, spec);
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = n.args as MathNode[];
      if (fn === 'unaryMinus') return { type: 'negate', argument: walk(args[0]!, spec, next) };
      if (fn === 'unaryPlus') return walk(args[0]!, spec, next);
      const operator = operators[fn];
      if (!operator || args.length !== 2)
        refuse('not-allowed', `The operator “${n.op as string}” is not allowed: use + - * / and ^ (or **).`);
      return { type: 'binary', operator, left: walk(args[0]!, spec, next), right: walk(args[1]!, spec, next) };
    }
    case 'FunctionNode':
      return call(n.fn as MathNode, n.args as MathNode[], spec, next);
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return refuse('not-allowed', 'Write only the expression, without “=”.');
    default:
      return refuse('not-allowed', 'Only numbers, the names listed, + - * / ^, parentheses and the allowed functions are accepted.');
  }
}

function symbol(name: string, spec: ExpressionSpec): ExpressionTree {
  if (spec.variables.includes(name)) return { type: 'variable', name };
  if (name === 'e' || name === 'pi') return { type: 'constant', name };
  const fn = functionAliases[name] ?? name;
  if (fn in functionTable || knownOtherFunctions.has(name)) {
    refuse('function-without-argument', `${name} is a function: write ${name}(…) with its argument in parentheses.`, name);
  }
  const suggestion = suggestName(name, spec.variables);
  refuse(
    'unknown-name',
    `Unknown name “${name}”${suggestion ? `: did you mean ${suggestion}?` : '.'} Names allowed here: ${listOf(spec.variables)}` +
      (name.length > 1 && !suggestion ? ' (a name of several letters is one name: write x*y for a product).' : '.'),
    name,
  );
}

function call(fnNode: MathNode, args: MathNode[], spec: ExpressionSpec, depth: number): ExpressionTree {
  const name = fnNode.type === 'SymbolNode' ? ((fnNode as MathNode & { name: string }).name as string) : undefined;
  if (name === undefined) refuse('not-allowed', 'Only the allowed functions can be applied to an argument.');
  // A declared variable (or e, π) before parentheses is a product, as a student means it: z(1 − z) = z·(1 − z).
  if (spec.variables.includes(name) || name === 'e' || name === 'pi') {
    if (args.length !== 1) refuse('syntax', `${name}(…) holds ${args.length} values: write one expression in the parentheses.`, name);
    return { type: 'binary', operator: '*', left: symbol(name, spec), right: walk(args[0]!, spec, depth) };
  }
  const fn = functionAliases[name] ?? name;
  if (isAllowedFunction(fn, spec)) {
    if (args.length !== 1) {
      const natural = fn === 'log' ? ' (the natural logarithm)' : '';
      refuse('arguments', `${name} takes one argument, ${name}(x)${natural}; this call has ${args.length}.`, name);
    }
    return { type: 'call', name: fn, argument: walk(args[0]!, spec, depth) };
  }
  if ((expressionFunctions as readonly string[]).includes(fn) || knownOtherFunctions.has(name)) {
    refuse('function-not-allowed', `${name} is not allowed in this answer (${functionsSentence(spec)}).`, name);
  }
  const suggestion = suggestName(name, spec.functions);
  refuse(
    'unknown-function',
    `Unknown function “${name}”${suggestion ? `: did you mean ${suggestion}?` : ''} (${functionsSentence(spec)}).`,
    name,
  );
}
