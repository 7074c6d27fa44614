import type { ExpressionFunction } from './tree';

/** Each allowed function in float64, and how the preview writes it. log is the natural logarithm. */
export const functionTable: Record<ExpressionFunction, { evaluate(x: number): number; latex: string }> = {
  exp: { evaluate: Math.exp, latex: '\\exp' },
  log: { evaluate: Math.log, latex: '\\log' },
  tanh: { evaluate: Math.tanh, latex: '\\tanh' },
  // Written so neither branch overflows: exp of a positive number never appears.
  sigma: { evaluate: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))), latex: '\\sigma' },
  relu: { evaluate: (x) => (x > 0 ? x : 0), latex: '\\operatorname{relu}' },
  sqrt: { evaluate: Math.sqrt, latex: '\\sqrt' },
};

/** Other spellings a student may use for an allowed function (σ is mapped to sigma before parsing). */
export const functionAliases: Record<string, ExpressionFunction> = { ln: 'log', sigmoid: 'sigma' };

/**
 * Functions students know that no exercise allows: naming one gets "not allowed here" rather than "unknown name",
 * which would suggest a typo.
 */
export const knownOtherFunctions = new Set([
  'sin',
  'cos',
  'tan',
  'abs',
  'log10',
  'log2',
  'sinh',
  'cosh',
  'max',
  'min',
  'pow',
  'softmax',
  'arctan',
  'atan',
  'asin',
  'acos',
  'sign',
  'floor',
  'ceil',
  'round',
  'exp2',
  'cbrt',
  'erf',
  'softplus',
  'sec',
  'csc',
  'cot',
]);

/** The constants e and π, unless an exercise declares a variable of that name. */
export const constantValues = { e: Math.E, pi: Math.PI } as const;

/**
 * Names a variable may not have: the functions, their aliases, the constants, and words mathjs's parser reads as
 * operators or values (declaring `in` would make `x in y` parse as a unit conversion).
 */
export const reservedNames = new Set<string>([
  ...Object.keys(functionTable),
  ...Object.keys(functionAliases),
  ...knownOtherFunctions,
  'e',
  'pi',
  'E',
  'PI',
  'i',
  'mod',
  'to',
  'in',
  'and',
  'or',
  'not',
  'xor',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'end',
]);
