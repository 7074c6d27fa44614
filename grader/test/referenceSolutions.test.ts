import { getExercise, solveVariant, type Exercise } from '@deltalab/exercises';
import { describe, expect, it } from 'vitest';
import { catalogueReference } from '../src/reference/catalogueReference';

/** The exercise with its reference counting how often it runs (a copy: the catalogue's own object is untouched). */
function counted(slug: string): { exercise: Exercise; runs: () => number } {
  const original = getExercise(slug);
  if (original.kind !== 'numeric') throw new Error(`${slug} is not numeric`);
  let runs = 0;
  const exercise = {
    ...original,
    // A version of its own, so that no other test's cached solution stands in for this one's.
    contentHash: `${original.contentHash}-counted-${Math.random()}`,
    solve: (params: Parameters<typeof original.solve>[0]) => {
      runs++;
      return original.solve(params);
    },
  } as Exercise;
  return { exercise, runs: () => runs };
}

describe('a catalogue exercise’s numeric reference', () => {
  it('runs once per variant, whoever is graded on it again, and equals a fresh solution', async () => {
    const { exercise, runs } = counted('hidden-weight-gradient-expression');
    const reference = catalogueReference(exercise);
    const first = await reference.numericSolution(11);
    const again = await reference.numericSolution(11);
    expect(runs()).toBe(1);
    expect(again).toBe(first);
    await reference.numericSolution(12);
    expect(runs()).toBe(2);
    const fresh = solveVariant(getExercise('hidden-weight-gradient-expression'), 11);
    expect(first).toEqual(fresh);
  });

  it('is frozen: a grade cannot change what the next grade compares with', async () => {
    const { exercise } = counted('backprop-mazur');
    const solution = await catalogueReference(exercise).numericSolution(3);
    const [field] = Object.keys(solution.values);
    expect(() => {
      (solution.values as Record<string, number>)[field!] = 0;
    }).toThrow(TypeError);
    expect(solution.values).toEqual((solveVariant(getExercise('backprop-mazur'), 3) as { values: unknown }).values);
  });
});
