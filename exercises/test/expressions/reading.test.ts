import { describe, expect, it } from 'vitest';
import {
  expressionFunctions,
  expressionToLatex,
  expressionToText,
  latexToExpressionText,
  parseExpression,
  variableLatex,
  type ExpressionSpec,
} from '../../src/expressions';

const spec: ExpressionSpec = {
  variables: ['z', 'x', 'y', 'a', 'b', 'c', 'd', 'w', 'lambda', 'out_o1', 'target_o1', 'out_h1', 'w5', 'z1'],
  functions: expressionFunctions,
};
const read = (text: string) => {
  const parsed = parseExpression(text, spec);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.tree;
};

describe('MathLive’s LaTeX as the text the grader reads', () => {
  // What MathLive 0.111 holds after typing the keys on the left (recorded in Chromium from the exercise page).
  const typed: [keys: string, latex: string, reads: string][] = [
    ['sigma(z)*(1-sigma(z))', '\\sigma\\left(z\\right)\\cdot\\left(1-\\sigma\\left(z\\right)\\right)', 'sigma(z)*(1 - sigma(z))'],
    ['e^-z', 'e^{-z}', 'e^(-z)'],
    ['x/2', '\\frac{x}{2}', 'x/2'],
    ['1/(1+e^(-z))', '\\frac{1}{\\left(1+e^{\\left(-z\\right)}\\right)}', '1/(1 + e^(-z))'],
    ['out_h1', 'out_{h1}', 'out_h1'],
    ['sqrt(x)', '\\sqrt{\\left(x\\right)}', 'sqrt(x)'],
    ['exp(z)', '\\exp\\left(z\\right)', 'exp(z)'],
    ['tanh(z)^2', '\\tanh\\left(z\\right)^2', 'tanh(z)^2'],
    ['relu(x)', 'relu\\left(x\\right)', 'relu(x)'],
    ['ln(x)', '\\ln\\left(x\\right)', 'log(x)'],
    ['2x', '2x', '2*x'],
    ['lambda w', '\\lambda w', 'lambda*w'],
    ['(a+b)(c-d)', '\\left(a+b\\right)\\left(c-d\\right)', '(a + b)*(c - d)'],
    ['x**2', 'x\\star2', 'x^2'],
    ['a*b', 'a\\cdot b', 'a*b'],
  ];
  it.each(typed)('typing %s', (_keys, latex, reads) => {
    expect(expressionToText(read(latexToExpressionText(latex)))).toBe(reads);
  });

  it('joins a name and its subscript into one name, and keeps Greek letters and functions apart from letters', () => {
    expect(latexToExpressionText('\\mathit{out}_{h1}\\cdot\\mathit{target}_{o1}')).toBe('out_h1*target_o1');
    expect(latexToExpressionText('w_5')).toBe('w_5');
    expect(latexToExpressionText('w_{5}\\cdot z_1', ['w5', 'z1'])).toBe('w5*z1');
    expect(latexToExpressionText('out_{h1}', ['out_h1', 'outh1'])).toBe('out_h1');
    expect(latexToExpressionText('z\\sigma\\left(z\\right)')).toBe('z sigma(z)');
    expect(latexToExpressionText('2\\exp\\left(-z\\right)')).toBe('2 exp(-z)');
    expect(latexToExpressionText('\\operatorname{relu}\\left(x\\right)')).toBe('relu(x)');
    expect(latexToExpressionText('\\sqrt[3]{x}')).toBe('((x)^(1/(3)))');
    expect(latexToExpressionText('\\placeholder{}+x')).toBe('+x');
  });

  it('passes what it does not know through, so the reading refuses it instead of guessing', () => {
    const text = latexToExpressionText('\\int x');
    expect(text).toBe('\\int x');
    expect(parseExpression(text, spec)).toMatchObject({ ok: false, problem: 'character', position: 1 });
  });
});

describe('the canonical text and the preview’s LaTeX', () => {
  const forms = [
    'sigma(z)*(1-sigma(z))',
    'σ(z)σ(−z)',
    '1/2x',
    'a/b c',
    '-x^2',
    '(-x)^2',
    'x^2^3',
    '(x^2)^3',
    'x^-1',
    'a - (b - c)',
    'a - (b + c)',
    'a - -b',
    'a*-b',
    '-(a*b)',
    '--x',
    'e^(-z)',
    'sqrt(x/2)',
    '(out_o1 - target_o1)·out_o1(1 − out_o1)out_h1',
    '2e-3 x',
    '1e-9*x',
    'pi*relu(x)',
    'lambda*w5/z1',
    '(x/y)^2',
    '-(x/y)',
  ];
  it.each(forms)('%s reads back to the same tree from its text and from its LaTeX', (form) => {
    const tree = read(form);
    expect(read(expressionToText(tree))).toEqual(tree);
    // Through the math field: the same LaTeX again (a product's grouping is not shown, and needs not be).
    const latex = expressionToLatex(tree);
    expect(expressionToLatex(read(latexToExpressionText(latex, spec.variables)))).toBe(latex);
  });

  it('typesets what the grader read, every product as a dot', () => {
    expect(expressionToLatex(read('1/2x'))).toBe('\\frac{1}{2} \\cdot x');
    expect(expressionToLatex(read('a/b c'))).toBe('\\frac{a}{b \\cdot c}');
    expect(expressionToLatex(read('σ(z)σ(−z)'))).toBe('\\sigma\\left(z\\right) \\cdot \\sigma\\left(-z\\right)');
    expect(expressionToLatex(read('(-x)^2'))).toBe('\\left(-x\\right)^{2}');
    expect(expressionToLatex(read('1e-9*x'))).toBe('1 \\cdot 10^{-9} \\cdot x');
    expect(expressionToLatex(read('out_h1*z'), { out_h1: 'h' })).toBe('h \\cdot z');
  });

  it('typesets names: one name of several letters, its subscript, Greek letters', () => {
    expect(variableLatex('out_h1')).toBe('\\mathit{out}_{h1}');
    expect(variableLatex('w5')).toBe('w_{5}');
    expect(variableLatex('z')).toBe('z');
    expect(variableLatex('lambda')).toBe('\\lambda');
    expect(variableLatex('dE_dw_5')).toBe('\\mathit{dE}_{dw\\_5}');
  });
});

describe('positions and suggestions', () => {
  it('points at the character in the text as typed, after typographic characters were normalised', () => {
    expect(parseExpression('σ(z) − ', spec)).toMatchObject({ ok: false, problem: 'syntax', position: 8 });
    expect(parseExpression('x² + #', spec)).toMatchObject({ ok: false, problem: 'character', position: 6 });
    expect(parseExpression('out_h1 + outh1', spec)).toMatchObject({ ok: false, problem: 'unknown-name', position: 10 });
  });

  it('suggests the declared name, a product of declared names, or the allowed function', () => {
    const message = (text: string) => (parseExpression(text, spec) as { message: string }).message;
    expect(message('Out_H1')).toContain('did you mean out_h1?');
    expect(message('target_01')).toContain('did you mean target_o1?');
    expect(message('xy')).toContain('did you mean x*y?');
    expect(message('sigm(z)')).toContain('did you mean sigma?');
    expect(message('qqq')).toContain('a name of several letters is one name');
  });
});
