import type { ExpressionFunction } from '@deltalab/exercises/expressions';

/**
 * The table of expression pairs and the verdict the grader must give each. Sources: PrairieLearn's
 * `apps/prairielearn/python/test/sympy_utils_test.py` (EXPR_PAIRS and TestExceptions: "PL"), Numbas's documented
 * pitfalls of random-point checking (its mathematical-expression part docs and the reldiff fix for negative values:
 * "Numbas"), and the cases of this course ("ours"). Rows where we deliberately differ say so (`differs`), and the
 * README lists them with the reasons.
 */
export interface ExpressionPair {
  /** The reference, as an expression (any function). */
  reference: string;
  answer: string;
  verdict: 'correct' | 'wrong' | 'invalid' | 'missing';
  /** A phrase the message must contain. */
  says?: string;
  /** Default: z in [-4, 4]. */
  variables?: { name: string; min: number; max: number }[];
  /** Default: all six. */
  functions?: ExpressionFunction[];
  source: 'PL' | 'Numbas' | 'ours';
  /** Where we deliberately give another verdict than the source. */
  differs?: string;
  group: 'equivalent forms' | 'near misses' | 'domain' | 'long or deep' | 'names' | 'syntax';
}

const x = [{ name: 'x', min: -2, max: 2 }];
const xPositive = [{ name: 'x', min: 0.1, max: 3 }];
const mn = [
  { name: 'm', min: 0.5, max: 3 },
  { name: 'n', min: 0.5, max: 3 },
];
const mnAlpha = [...mn, { name: 'alpha', min: 0.5, max: 3 }];
const n = [{ name: 'n', min: 0.5, max: 3 }];
const xy = [
  { name: 'x', min: -2, max: 2 },
  { name: 'y', min: -2, max: 2 },
];
const mazur = [
  { name: 'out_o1', min: 0.05, max: 0.95 },
  { name: 'target_o1', min: 0, max: 1 },
  { name: 'out_h1', min: 0.05, max: 0.95 },
];
const dsigma = 'sigma(z)*(1 - sigma(z))';
const dE = '(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_h1';
const sigmaOnly: ExpressionFunction[] = ['sigma'];

export const expressionPairs: ExpressionPair[] = [
  // ---- equivalent forms that look different ----
  { group: 'equivalent forms', source: 'ours', reference: dsigma, answer: 'sigma(z)*sigma(-z)', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: dsigma, answer: 'σ(z)σ(−z)', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: dsigma, answer: 'sigma(z)(1-sigma(z))', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: dsigma, answer: 'exp(-z)/(1+exp(-z))^2', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: dsigma, answer: 'sigma(z) - sigma(z)**2', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'sigma(z)', answer: '1/(1+e^-z)', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'sigma(z)', answer: 'sigmoid(z)', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'tanh(z)', answer: '2σ(2z) − 1', functions: sigmaOnly, verdict: 'correct' },
  {
    group: 'equivalent forms',
    source: 'ours',
    reference: 'tanh(z)',
    answer: 'sigma(2z) - sigma(-2z)',
    functions: sigmaOnly,
    verdict: 'correct',
  },
  { group: 'equivalent forms', source: 'ours', reference: 'z', answer: 'relu(z) - relu(-z)', verdict: 'correct' },
  {
    group: 'equivalent forms',
    source: 'ours',
    reference: dE,
    answer: '(out_o1 - target_o1)·out_o1(1 − out_o1)out_h1',
    variables: mazur,
    verdict: 'correct',
  },
  {
    group: 'equivalent forms',
    source: 'ours',
    reference: dE,
    answer: 'out_h1*(out_o1 - out_o1^2)*(out_o1 - target_o1)',
    variables: mazur,
    verdict: 'correct',
  },
  { group: 'equivalent forms', source: 'Numbas', reference: 'x^2 + 2*x + 1', answer: '(x+1)^2', variables: x, verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'x^2 - 1', answer: '(x+1)(x-1)', variables: x, verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'x^2', answer: 'x²', variables: x, verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'x^(-1)', answer: 'x⁻¹', variables: xPositive, verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'exp(z)', answer: 'e^z', verdict: 'correct' },
  { group: 'equivalent forms', source: 'ours', reference: 'x/2', answer: '1/2x', variables: x, verdict: 'correct', says: undefined },
  { group: 'equivalent forms', source: 'ours', reference: '2*x + 2', answer: '2(x+1)', variables: x, verdict: 'correct' },
  {
    group: 'equivalent forms',
    source: 'ours',
    reference: 'x/(2*y)',
    answer: 'x/2/y',
    variables: [
      { name: 'x', min: 1, max: 2 },
      { name: 'y', min: 1, max: 2 },
    ],
    verdict: 'correct',
  },
  {
    group: 'equivalent forms',
    source: 'ours',
    reference: '0.002*x',
    answer: '2e-3 x',
    variables: x,
    verdict: 'correct',
    differs: 'PL reads 2e-3 as 2·e − 3 (its issue 11709); mathjs, and we, read a number in scientific notation',
  },
  { group: 'equivalent forms', source: 'ours', reference: '3.14159265358979*x', answer: 'pi x', variables: x, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: 'm - n', answer: 'm \u2212 n', variables: mn, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: '-n', answer: 'm - \uff08n + m\uff09', variables: mn, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: 'n + m', answer: 'm \uff0b n', variables: mn, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: 'alpha*n', answer: 'n alpha', variables: mnAlpha, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: '-n/m', answer: 'n/-m', variables: mn, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: '3^m + 4', answer: '3^m + 4', variables: mn, verdict: 'correct' },
  {
    group: 'equivalent forms',
    source: 'PL',
    reference: 'n/m',
    answer: 'n m^(-1)',
    variables: mn,
    verdict: 'correct',
    differs: 'PL splits "nm^(-1)" into n·m⁻¹; a name of several letters is one name here, so "nm" is unknown (the next row)',
  },
  {
    group: 'names',
    source: 'PL',
    reference: 'n/m',
    answer: 'nm^(-1)',
    variables: mn,
    verdict: 'invalid',
    says: 'did you mean n*m?',
    differs: 'PL reads n·m',
  },
  { group: 'equivalent forms', source: 'PL', reference: '5*n', answer: '+5n', variables: n, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: '-5*n', answer: '-5n', variables: n, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: '4*n + 2*m', answer: '4n + 2m', variables: mn, verdict: 'correct' },
  {
    group: 'equivalent forms',
    source: 'PL',
    reference: 'm*m + n*n - 4*n',
    answer: 'm**2 + n**2 - 4 * n',
    variables: mn,
    verdict: 'correct',
  },
  { group: 'equivalent forms', source: 'PL', reference: '10 + 0*n', answer: 'sqrt(100)', variables: n, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: 'log(m)', answer: 'ln(m)', variables: mn, verdict: 'correct' },
  { group: 'equivalent forms', source: 'PL', reference: 'tanh(m)', answer: 'tanh(m)', variables: mn, verdict: 'correct' },
  {
    group: 'equivalent forms',
    source: 'ours',
    reference: 'lambda*w',
    answer: 'λw',
    variables: [
      { name: 'lambda', min: 0.1, max: 1 },
      { name: 'w', min: -2, max: 2 },
    ],
    verdict: 'correct',
  },
  { group: 'equivalent forms', source: 'ours', reference: 'x', answer: 'x*(1 + 1e-6)', variables: x, verdict: 'correct', says: undefined },

  // ---- near misses: agree at some points, not all ----
  { group: 'near misses', source: 'ours', reference: dsigma, answer: 'sigma(z)^2', verdict: 'wrong' },
  { group: 'near misses', source: 'ours', reference: dsigma, answer: 'sigma(z)*(1 + sigma(z))', verdict: 'wrong' },
  {
    group: 'near misses',
    source: 'ours',
    reference: dsigma,
    answer: '0.25',
    verdict: 'wrong',
    says: 'It is a number; write it in terms of z',
  },
  { group: 'near misses', source: 'Numbas', reference: 'x^2', answer: 'x', variables: x, verdict: 'wrong' },
  {
    group: 'near misses',
    source: 'Numbas',
    reference: 'x^3',
    answer: 'x',
    variables: [{ name: 'x', min: -1.5, max: 1.5 }],
    verdict: 'wrong',
  },
  { group: 'near misses', source: 'ours', reference: 'relu(x)', answer: 'x', variables: x, verdict: 'wrong' },
  {
    group: 'near misses',
    source: 'ours',
    reference: 'x',
    answer: 'x + 1e-3*x^2',
    variables: [{ name: 'x', min: 1, max: 2 }],
    verdict: 'wrong',
  },
  {
    group: 'near misses',
    source: 'Numbas',
    reference: '-x',
    answer: '-x*1.00001',
    variables: [{ name: 'x', min: 1, max: 2 }],
    verdict: 'correct',
  },
  { group: 'near misses', source: 'Numbas', reference: '-x', answer: '-2*x', variables: [{ name: 'x', min: 1, max: 2 }], verdict: 'wrong' },
  { group: 'near misses', source: 'ours', reference: 'x/2', answer: '1/(2x)', variables: xPositive, verdict: 'wrong' },
  { group: 'near misses', source: 'ours', reference: '-(x^2)', answer: '(-x)^2', variables: x, verdict: 'wrong' },
  { group: 'near misses', source: 'ours', reference: '-(x^2)', answer: '-x^2', variables: x, verdict: 'correct' },
  {
    group: 'near misses',
    source: 'ours',
    reference: 'x - 1',
    answer: '(x^2 - 1)/(x + 1)',
    variables: [{ name: 'x', min: 0, max: 2 }],
    verdict: 'correct',
  },
  {
    group: 'near misses',
    source: 'ours',
    reference: dE,
    answer: '(out_o1 - target_o1)*out_o1*(1 - out_o1)',
    variables: mazur,
    verdict: 'wrong',
  },

  // ---- domain: the reference or the answer undefined somewhere in the ranges ----
  {
    group: 'domain',
    source: 'Numbas',
    reference: 'log(x)',
    answer: 'log(x)',
    variables: [{ name: 'x', min: -1, max: 2 }],
    verdict: 'correct',
  },
  {
    group: 'domain',
    source: 'Numbas',
    reference: 'sqrt(x)',
    answer: 'x^0.5',
    variables: [{ name: 'x', min: -1, max: 1 }],
    verdict: 'correct',
  },
  { group: 'domain', source: 'ours', reference: 'exp(log(x))', answer: 'x', variables: xPositive, verdict: 'correct' },
  {
    group: 'domain',
    source: 'Numbas',
    reference: 'sqrt(x^2)',
    answer: 'x',
    variables: [{ name: 'x', min: 0.5, max: 2 }],
    verdict: 'correct',
  },
  { group: 'domain', source: 'Numbas', reference: 'sqrt(x^2)', answer: 'x', variables: x, verdict: 'wrong' },
  { group: 'domain', source: 'ours', reference: 'log(x^2)', answer: '2*log(x)', variables: xPositive, verdict: 'correct' },
  {
    group: 'domain',
    source: 'ours',
    reference: 'log(x^2)',
    answer: '2*log(x)',
    variables: x,
    verdict: 'wrong',
    says: 'undefined at some of the points',
  },
  { group: 'domain', source: 'ours', reference: 'x', answer: 'sqrt(x)^2', variables: x, verdict: 'wrong', says: 'undefined' },
  { group: 'domain', source: 'ours', reference: 'x', answer: 'x^2/x', variables: x, verdict: 'correct' },
  { group: 'domain', source: 'ours', reference: '1/x', answer: 'x^(-1)', variables: x, verdict: 'correct' },

  // ---- long or deeply nested input ----
  { group: 'long or deep', source: 'ours', reference: 'z', answer: `z${' + 0'.repeat(133)}`, verdict: 'invalid', says: 'at most 400' },
  {
    group: 'long or deep',
    source: 'ours',
    reference: 'z',
    answer: `${'sigma('.repeat(45)}z${')'.repeat(45)}`,
    verdict: 'invalid',
    says: 'nested more than 40',
  },
  { group: 'long or deep', source: 'ours', reference: 'z', answer: `${'-'.repeat(60)}z`, verdict: 'invalid', says: 'nested more than 40' },
  { group: 'long or deep', source: 'ours', reference: '30*z', answer: Array(30).fill('z').join(' + '), verdict: 'correct' },
  { group: 'long or deep', source: 'ours', reference: 'z', answer: `${'('.repeat(150)}z${')'.repeat(150)}`, verdict: 'correct' },

  // ---- names that collide or are mistyped ----
  {
    group: 'names',
    source: 'ours',
    reference: dE,
    answer: '(out_o1 - target_o1)*out_o1*(1 - out_o1)*outh1',
    variables: mazur,
    verdict: 'invalid',
    says: 'did you mean out_h1?',
  },
  {
    group: 'names',
    source: 'ours',
    reference: dE,
    answer: '(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_H1',
    variables: mazur,
    verdict: 'invalid',
    says: 'did you mean out_h1?',
  },
  { group: 'names', source: 'Numbas', reference: 'x*y', answer: 'xy', variables: xy, verdict: 'invalid', says: 'did you mean x*y?' },
  { group: 'names', source: 'ours', reference: 'z', answer: 'Z', verdict: 'invalid', says: 'did you mean z?' },
  { group: 'names', source: 'ours', reference: 'sigma(z)*z', answer: 'sigma*z', verdict: 'invalid', says: 'sigma is a function' },
  {
    group: 'names',
    source: 'ours',
    reference: 'tanh(z)',
    answer: 'tanh(z)',
    functions: sigmaOnly,
    verdict: 'invalid',
    says: 'tanh is not allowed',
  },
  { group: 'names', source: 'PL', reference: 'n', answer: 'sin(n)', variables: n, verdict: 'invalid', says: 'not allowed' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'eval(n)', variables: n, verdict: 'invalid', says: 'Unknown function' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'f(n)', variables: n, verdict: 'invalid', says: 'Unknown function' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'dir(n)', variables: n, verdict: 'invalid', says: 'Unknown function' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'x', variables: n, verdict: 'invalid', says: 'Unknown name' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'exp(y)', variables: n, verdict: 'invalid', says: 'Unknown name' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'z*n', variables: n, verdict: 'invalid', says: 'Unknown name' },
  { group: 'names', source: 'PL', reference: 'n', answer: '2+exp', variables: n, verdict: 'invalid', says: 'exp is a function' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'cos*n', variables: n, verdict: 'invalid', says: 'cos is a function' },
  { group: 'names', source: 'PL', reference: 'n', answer: 'm(0)', variables: n, verdict: 'invalid', says: 'Unknown function' },
  { group: 'names', source: 'ours', reference: 'sigma(z)', answer: 'sgm(z)', verdict: 'invalid', says: 'Unknown function' },
  {
    group: 'names',
    source: 'ours',
    reference: 'log(x)',
    answer: 'log(x, 2)',
    variables: xPositive,
    verdict: 'invalid',
    says: 'takes one argument',
  },

  // ---- syntax and characters ----
  { group: 'syntax', source: 'PL', reference: 'n', answer: '5==5', variables: n, verdict: 'invalid', says: '“=”' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: '5>5', variables: n, verdict: 'invalid', says: 'Comparisons' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: '5<=5', variables: n, verdict: 'invalid', says: 'Comparisons' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: '(', variables: n, verdict: 'invalid', says: 'Syntax error' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: 'n**', variables: n, verdict: 'invalid', says: 'Syntax error at character 4' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: 'n**2+', variables: n, verdict: 'invalid', says: 'Syntax error' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: '!', variables: n, verdict: 'invalid', says: 'Factorials' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: '\\', variables: n, verdict: 'invalid', says: 'not allowed' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: 'n + 2 \\', variables: n, verdict: 'invalid', says: 'character 7' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: 'n + 2 # comment', variables: n, verdict: 'invalid', says: '“#”' },
  { group: 'syntax', source: 'PL', reference: 'n', answer: '#', variables: n, verdict: 'invalid', says: '“#”' },
  { group: 'syntax', source: 'ours', reference: 'x', answer: '0x1F*x', variables: x, verdict: 'invalid', says: 'decimal' },
  { group: 'syntax', source: 'ours', reference: '1.5*x', answer: '1,5x', variables: x, verdict: 'invalid', says: 'decimals with a point' },
  { group: 'syntax', source: 'ours', reference: 'x', answer: 'y = x', variables: x, verdict: 'invalid', says: '“=”' },
  { group: 'syntax', source: 'ours', reference: 'x', answer: '[x]', variables: x, verdict: 'invalid', says: 'round parentheses' },
  { group: 'syntax', source: 'ours', reference: 'x', answer: 'x mod 2', variables: x, verdict: 'invalid', says: 'operator' },
  { group: 'syntax', source: 'ours', reference: 'x', answer: '((x)', variables: x, verdict: 'invalid', says: 'closing parenthesis' },
  { group: 'syntax', source: 'ours', reference: 'x', answer: '   ', variables: x, verdict: 'missing' },
];
