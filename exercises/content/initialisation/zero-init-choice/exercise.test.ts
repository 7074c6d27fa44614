import { describe, expect, it } from 'vitest';
import { getExercise, instantiateVariant, solveVariant } from '../../../src/index';
import { useReferenceBackend } from '../../../src/backend';

const exercise = getExercise('zero-init-choice');

describe('zero-init-choice', () => {
  it('is multiple choice with the three true statements of the notes', () => {
    expect(solveVariant(exercise, 'canonical')).toMatchObject({
      kind: 'choice',
      correct: ['same_units', 'hidden_weights_stuck', 'biases_zero_ok'],
    });
    expect(instantiateVariant(exercise, 'canonical').mode).toBe('multiple');
  });

  it('its claims hold in the numeric exercise: equal hidden gradients, and zero gradients into the hidden layer', async () => {
    await useReferenceBackend('cpu');
    const numeric = getExercise('symmetric-init-gradients');
    const v = (solveVariant(numeric, 'canonical') as { values: Record<string, number> }).values;
    expect(v.dE_dw11).toBe(v.dE_dw21);
    expect(v.dE_dw11_zero).toBe(0);
    expect(v.dE_dv_zero).not.toBe(0);
  });
});
