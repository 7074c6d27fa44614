import { expect, it } from 'vitest';
import { getExercise, solveVariant } from '../../../src/index';

it('linear-activation-choice: two statements are true', () => {
  const solution = solveVariant(getExercise('linear-activation-choice'), 'canonical');
  expect(solution).toMatchObject({ kind: 'choice', correct: ['collapses', 'monotonic'] });
});
