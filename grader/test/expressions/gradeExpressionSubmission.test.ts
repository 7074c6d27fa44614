import { getExercise, solveVariant } from '@deltalab/exercises';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src';
import { withExpressionFields } from '../../src/numeric/gradeExpressionField';

const grade = (exercise: string, answers: Record<string, string | number>, variant: 'canonical' | number = 'canonical') =>
  gradeSubmission({ exercise, variant, submission: { kind: 'numeric', answers } });

describe('expression fields through gradeSubmission', () => {
  it('accepts the model answer and other correct forms, recording what was read', async () => {
    for (const answer of ['sigma(z)*(1-sigma(z))', 'σ(z)σ(−z)', 'exp(-z)/(1+exp(-z))^2']) {
      const result = await grade('sigmoid-derivative-expression', { dsigma_dz: answer });
      expect(result.fields?.[0], answer).toMatchObject({ status: 'correct', credit: 1 });
      expect(result.passed).toBe(true);
    }
    const result = await grade('sigmoid-derivative-expression', { dsigma_dz: 'σ(z)σ(−z)' });
    expect(result.fields?.[0]?.expression).toBe('sigma(z)*sigma(-z)');
  });

  it('names a known mistake, and says where it differs only where the exercise allows it', async () => {
    const shown = await grade('sigmoid-derivative-expression', { dsigma_dz: 'exp(-z)/(1+exp(-z))' });
    expect(shown.fields?.[0]).toMatchObject({ status: 'wrong', credit: 0, diagnosis: { mistake: 'denominator-not-squared' } });
    expect(shown.fields?.[0]?.message).toMatch(/It differs at z = -?\d/);
    const hidden = await grade('tanh-derivative-expression', { dtanh_dz: '1 - tanh(z)' });
    expect(hidden.fields?.[0]).toMatchObject({ status: 'wrong', diagnosis: { mistake: 'square-missing' } });
    expect(hidden.fields?.[0]?.message).not.toContain('differs at');
    const mazur = await grade('output-weight-gradient-expression', { dE_dw5: '(out_o1 - target_o1)*out_o1*(1 - out_o1)' });
    expect(mazur.fields?.[0]?.diagnosis?.mistake).toBe('missing-out-h1');
    const sign = await grade('output-weight-gradient-expression', { dE_dw5: '(target_o1 - out_o1)*out_o1*(1 - out_o1)*out_h1' });
    expect(sign.fields?.[0]?.diagnosis?.mistake).toBe('sign-flipped');
  });

  it('refuses unreadable answers as invalid, with the reason', async () => {
    const typo = await grade('output-weight-gradient-expression', { dE_dw5: '(out_o1 - target_o1)*out_o1*(1 - out_o1)*outh1' });
    expect(typo.fields?.[0]).toMatchObject({ status: 'invalid', credit: 0 });
    expect(typo.fields?.[0]?.message).toContain('did you mean out_h1?');
    const fn = await grade('tanh-as-sigmoid-expression', { tanh_z: 'tanh(z)' });
    expect(fn.fields?.[0]?.message).toContain('tanh is not allowed in this answer (allowed functions: sigma)');
    const syntax = await grade('sigmoid-derivative-expression', { dsigma_dz: 'sigma(z)*(1-sigma(z)' });
    expect(syntax.fields?.[0]?.message).toContain('Syntax error at character 21');
    const missing = await grade('sigmoid-derivative-expression', {});
    expect(missing.fields?.[0]).toMatchObject({ status: 'missing' });
  });

  it('reads a JSON number as a constant expression', async () => {
    const result = await grade('sigmoid-derivative-expression', { dsigma_dz: 0.25 });
    expect(result.fields?.[0]).toMatchObject({ status: 'wrong', expression: '0.25' });
    expect(result.fields?.[0]?.message).toContain('It is a number; write it in terms of z.');
  });

  it('compares at the same points for a variant and at other points for another', () => {
    const exercise = getExercise('sigmoid-derivative-expression');
    const points = (variant: 'canonical' | number) => {
      const solution = solveVariant(exercise, variant);
      return solution.kind === 'numeric' ? solution.expressions.dsigma_dz!.points : [];
    };
    expect(points(7)).toEqual(points(7));
    expect(points(7)).not.toEqual(points(8));
    expect(points('canonical')).toHaveLength(12);
  });

  it('grades from the solution as plain data: a JSON copy of it gives the same verdicts', () => {
    const exercise = getExercise('output-weight-gradient-expression');
    if (exercise.kind !== 'numeric') throw new Error('numeric expected');
    const solution = solveVariant(exercise, 99);
    if (solution.kind !== 'numeric') throw new Error('numeric expected');
    const copy = JSON.parse(JSON.stringify(solution.expressions)) as typeof solution.expressions;
    for (const answer of ['(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_h1', '(out_o1 - target_o1)*out_h1', 'out_h2']) {
      const direct = withExpressionFields(exercise.fields, [], solution.expressions, { dE_dw5: answer });
      expect(withExpressionFields(exercise.fields, [], copy, { dE_dw5: answer })).toEqual(direct);
    }
  });
});
