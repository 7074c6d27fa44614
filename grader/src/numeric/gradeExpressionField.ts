import type { AnswerField, ExpressionField } from '@deltalab/exercises';
import {
  compareAtPoints,
  compileExpression,
  DEFAULT_EXPRESSION_TOLERANCE,
  expressionFunctions,
  expressionToText,
  parseExpression,
  variablesOf,
  withinExpressionTolerance,
  type ExpressionPoint,
  type ExpressionReference,
} from '@deltalab/exercises/expressions';
import { formatNumber } from '@deltalab/exercises/rules';
import type { FieldResult } from '../protocol';

/** What grading an expression field needs: the field's settings and the reference's points and values (plain data). */
export type ExpressionGradingInput = {
  field: Pick<ExpressionField, 'name' | 'variables' | 'functions' | 'agreement' | 'showDifference' | 'mistakes'>;
  reference: ExpressionReference;
  /** What the student typed (a JSON number is read as its text). */
  answer: string | number | undefined;
};

/**
 * Grades one expression field from plain data only (no exercise code runs): the student's text is parsed and walked
 * (an unreadable answer is `invalid`, with the reason), evaluated by our evaluator at the reference's points and
 * compared there. A wrong answer that agrees with one of the exercise's mistake expressions at every point is
 * diagnosed as that mistake. `expression` records the answer as read (what the dashboards group by).
 */
export function gradeExpressionField({ field, reference, answer }: ExpressionGradingInput): FieldResult {
  const name = field.name;
  const text = typeof answer === 'number' ? String(answer) : answer;
  if (text === undefined || text.trim() === '') return { name, status: 'missing', credit: 0, message: 'No answer given.' };
  const variables = field.variables.map((v) => v.name);
  const parsed = parseExpression(text, { variables, functions: field.functions });
  if (!parsed.ok) return { name, status: 'invalid', credit: 0, message: parsed.message };

  const expression = expressionToText(parsed.tree);
  const evaluate = compileExpression(parsed.tree);
  const agreement = field.agreement ?? DEFAULT_EXPRESSION_TOLERANCE;
  const verdict = compareAtPoints(evaluate, reference, agreement);
  if (verdict.equivalent) return { name, status: 'correct', credit: 1, expression, message: 'Correct.' };

  const mistake = matchingMistake(field, reference, evaluate);
  const sentences = ['Not equivalent to the expected expression.'];
  if (variablesOf(parsed.tree).size === 0 && !isConstant(reference.values)) {
    sentences.push(`It is a number; write it in terms of ${variables.join(', ')}.`);
  }
  const point = describePoint(reference.points[verdict.index]!, variables);
  if (verdict.undefinedThere) {
    sentences.push(
      field.showDifference
        ? `It is undefined at ${point} (a logarithm or square root of a negative number, or a division by 0?).`
        : 'It is undefined at some of the points checked (a logarithm or square root of a negative number, or a division by 0?).',
    );
  } else if (field.showDifference) {
    sentences.push(
      `It differs at ${point}: yours gives ${formatNumber(verdict.actual, 4)}, the expected value is ${formatNumber(verdict.expected, 4)}.`,
    );
  }
  if (mistake) sentences.push(mistake.message);
  return {
    name,
    status: 'wrong',
    credit: 0,
    expression,
    message: sentences.join(' '),
    ...(mistake ? { diagnosis: { mistake: mistake.id, message: mistake.message } } : {}),
  };
}

/**
 * Grades the expression fields of a numeric exercise and puts every field's result in the definition's order:
 * number fields' results (from gradeNumericFields) as they are, expression fields' from gradeExpressionField.
 */
export function withExpressionFields(
  fields: readonly AnswerField[],
  numberResults: readonly FieldResult[],
  references: Readonly<Record<string, ExpressionReference>>,
  answers: Readonly<Record<string, string | number>>,
): FieldResult[] {
  const byName = new Map(numberResults.map((r) => [r.name, r]));
  return fields.map((field) => {
    if (field.kind !== 'expression') {
      const result = byName.get(field.name);
      if (!result) throw new Error(`no result for number field ${field.name}`);
      return result;
    }
    const reference = references[field.name];
    if (!reference) throw new Error(`the reference gave no sample points for expression field ${field.name}`);
    return gradeExpressionField({ field, reference, answer: answers[field.name] });
  });
}

/** The exercise's mistakes, compiled once per expression (they are the definition's text: plain data). */
const compiledMistakes = new Map<string, ((point: ExpressionPoint) => number) | null>();

function compileMistake(expression: string, variables: string[]): ((point: ExpressionPoint) => number) | null {
  const key = `${variables.join(',')}\u0000${expression}`;
  let compiled = compiledMistakes.get(key);
  if (compiled === undefined) {
    const parsed = parseExpression(expression, { variables, functions: expressionFunctions });
    compiled = parsed.ok ? compileExpression(parsed.tree) : null;
    if (compiledMistakes.size > 1000) compiledMistakes.clear();
    compiledMistakes.set(key, compiled);
  }
  return compiled;
}

function matchingMistake(
  field: ExpressionGradingInput['field'],
  reference: ExpressionReference,
  evaluate: (point: ExpressionPoint) => number,
) {
  const variables = field.variables.map((v) => v.name);
  const agreement = field.agreement ?? DEFAULT_EXPRESSION_TOLERANCE;
  const student = reference.points.map((point) => evaluate(point));
  return field.mistakes?.find((mistake) => {
    const wrong = compileMistake(mistake.expression, variables);
    return wrong !== null && reference.points.every((point, i) => withinExpressionTolerance(student[i]!, wrong(point), agreement));
  });
}

function isConstant(values: readonly number[]): boolean {
  return values.every((v) => withinExpressionTolerance(v, values[0]!, DEFAULT_EXPRESSION_TOLERANCE));
}

function describePoint(point: Readonly<Record<string, number>>, variables: readonly string[]): string {
  return variables.map((name) => `${name} = ${formatNumber(point[name]!, 4)}`).join(', ');
}
