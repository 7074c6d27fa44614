import { loadExercises, solveVariant, type Exercise } from '@deltalab/exercises';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeResultSchema, gradeSubmission, GradeRequestError, IsolatePool } from '../src';

const pool = new IsolatePool({ size: 2 });
afterAll(() => pool.close());

const exercises = loadExercises();
const codeExercises = exercises.filter((e): e is Exercise & { kind: 'code' } => e.kind === 'code');
const numericExercises = exercises.filter((e): e is Exercise & { kind: 'numeric' } => e.kind === 'numeric');
const choiceExercises = exercises.filter((e): e is Exercise & { kind: 'choice' } => e.kind === 'choice');

describe.each(codeExercises.map((e) => [e.slug, e] as const))('code exercise %s through the real sandbox', (slug, exercise) => {
  it.each(['canonical', 20261123] as const)('its solution gets full marks (variant %s)', async (variant) => {
    const result = await gradeSubmission(
      { exercise: slug, variant, submission: { kind: 'code', code: exercise.solutionSource! } },
      { pool },
    );
    expect(gradeResultSchema.parse(result)).toBeTruthy();
    expect(result.error).toBeUndefined();
    expect(result.cases?.filter((c) => !c.passed).map((c) => c.message)).toEqual([]);
    expect(result.score).toBe(1);
    expect(result.passed).toBe(true);
    expect(result.exerciseVersion).toBe(exercise.contentHash);
  });

  it(`its known-wrong solution gets zero, diagnosed as ${exercise.knownWrongMistake}`, async () => {
    const result = await gradeSubmission({ exercise: slug, submission: { kind: 'code', code: exercise.knownWrongSource! } }, { pool });
    expect(result.error).toBeUndefined();
    expect(result.score).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.diagnosis?.mistake).toBe(exercise.knownWrongMistake);
  });

  it('hidden-case messages never contain the expected values', async () => {
    const result = await gradeSubmission({ exercise: slug, submission: { kind: 'code', code: exercise.knownWrongSource! } }, { pool });
    const solution = solveVariant(exercise, 'canonical');
    if (solution.kind !== 'code') throw new Error('not code');
    for (const [index, c] of (result.cases ?? []).entries()) {
      if (!c.hidden) continue;
      expect(c.expected).toBeUndefined();
      expect(c.actual).toBeUndefined();
      const expected = JSON.stringify(solution.cases[index]?.expected);
      const numbers = expected.match(/-?\d+\.\d{3,}/g) ?? [];
      for (const n of numbers) expect(c.message ?? '').not.toContain(n.slice(0, 6));
    }
  });
});

describe.each(numericExercises.map((e) => [e.slug, e] as const))('numeric exercise %s', (slug, exercise) => {
  it('the reference values typed as text score 1', async () => {
    const solution = solveVariant(exercise, 'canonical');
    if (solution.kind !== 'numeric') throw new Error('not numeric');
    // An expression field's reference answer is its model answer (the text a student would type).
    const answers = Object.fromEntries(
      exercise.fields.map((f) => [f.name, f.kind === 'expression' ? f.answer : String(solution.values[f.name])]),
    );
    const result = await gradeSubmission({ exercise: slug, submission: { kind: 'numeric', answers } });
    expect(result.fields?.map((f) => f.status)).toEqual(exercise.fields.map(() => 'correct'));
    expect(result.score).toBe(1);
    expect(result.passed).toBe(true);
  });

  it('empty answers are missing, garbage is invalid', async () => {
    const [first, second] = exercise.fields;
    const answers: Record<string, string> = { [first!.name]: 'twelve' };
    const result = await gradeSubmission({ exercise: slug, submission: { kind: 'numeric', answers } });
    expect(result.fields?.[0]).toMatchObject({ status: 'invalid', credit: 0 });
    if (second) expect(result.fields?.[1]).toMatchObject({ status: 'missing' });
    expect(result.score).toBe(0);
  });
});

describe.each(choiceExercises.map((e) => [e.slug, e] as const))('choice exercise %s', (slug, exercise) => {
  it('the correct options pass and every option comes back with its explanation', async () => {
    const selected = exercise.options.filter((o) => o.correct).map((o) => o.id);
    const result = await gradeSubmission({ exercise: slug, submission: { kind: 'choice', selected } });
    expect(result.passed).toBe(true);
    expect(result.score).toBe(1);
    expect(result.options).toHaveLength(exercise.options.length);
  });
});

describe('bad requests', () => {
  it('throws GradeRequestError for an unknown exercise or the wrong kind of payload', async () => {
    await expect(gradeSubmission({ exercise: 'no-such-exercise', submission: { kind: 'code', code: '' } })).rejects.toThrow(
      GradeRequestError,
    );
    const code = codeExercises[0]!;
    await expect(gradeSubmission({ exercise: code.slug, submission: { kind: 'numeric', answers: {} } })).rejects.toThrow(
      /is a code exercise/,
    );
  });
});
