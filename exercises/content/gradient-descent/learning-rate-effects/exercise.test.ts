import { describe, expect, it } from 'vitest';
import { getExercise, instantiateVariant, solveVariant } from '../../../src/index';

const exercise = getExercise('learning-rate-effects');

describe('learning-rate-effects', () => {
  it('has exactly one correct option: small is slow, large overshoots/diverges (the notes)', () => {
    const solution = solveVariant(exercise, 'canonical');
    expect(solution).toMatchObject({ kind: 'choice', correct: ['slow_vs_diverge'] });
    if (exercise.kind !== 'choice') throw new Error('choice expected');
    const right = exercise.options.find((o) => o.correct)!;
    expect(right.text).toMatch(/slowly/);
    expect(right.text).toMatch(/diverge/);
  });

  it('explains every option and shows no answers to the student, the same for every variant', () => {
    if (exercise.kind !== 'choice') throw new Error('choice expected');
    for (const option of exercise.options) expect(option.explanation.length).toBeGreaterThan(40);
    const canonical = instantiateVariant(exercise, 'canonical');
    expect(instantiateVariant(exercise, 12345).options).toEqual(canonical.options);
    expect(JSON.stringify(canonical)).not.toMatch(/explanation|"correct"/);
  });
});
