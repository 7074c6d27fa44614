import { describe, expect, it } from 'vitest';
import { createRng } from '@deltalab/exercises';
import { compileExpression, expressionFunctions, parseExpression, sampleExpressionReference } from '@deltalab/exercises/expressions';
import { gradeExpressionField } from '../../src/numeric/gradeExpressionField';
import { expressionPairs } from './expressionPairs';

/** Each pair through the grader's own expression grading, the reference sampled as solveVariant samples it. */
describe('the table of expression pairs', () => {
  it('has at least 60 pairs, in every group', () => {
    expect(expressionPairs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(expressionPairs.map((p) => p.group)).size).toBe(6);
  });

  for (const [index, pair] of expressionPairs.entries()) {
    it(`#${index + 1} ${pair.group} (${pair.source}): ${JSON.stringify(pair.answer.slice(0, 60))} vs ${pair.reference} → ${pair.verdict}`, () => {
      const variables = pair.variables ?? [{ name: 'z', min: -4, max: 4 }];
      const names = variables.map((v) => v.name);
      const parsed = parseExpression(pair.reference, { variables: names, functions: expressionFunctions });
      if (!parsed.ok) throw new Error(`reference ${pair.reference}: ${parsed.message}`);
      const reference = sampleExpressionReference(variables, 12, createRng(1000 + index), compileExpression(parsed.tree));
      const result = gradeExpressionField({
        field: { name: 'f', variables, functions: pair.functions ?? [...expressionFunctions] },
        reference,
        answer: pair.answer,
      });
      expect(result.status, result.message).toBe(pair.verdict);
      if (pair.says) expect(result.message).toContain(pair.says);
    });
  }
});
