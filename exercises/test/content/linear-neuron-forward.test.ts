import { expect, it } from 'vitest';
import type { LinearNeuronParams } from '../../content/forward-pass/linear-neuron-forward/variants';
import { getExercise, solveVariant } from '../../src/index';
import { checkNumericExercise, sigmoid } from '../helpers';

checkNumericExercise<LinearNeuronParams>('linear-neuron-forward', {
  printedSource: 'the notes’ weights [0.32, 0.3, −0.21, 0.002], b = 0, with x = [1, 2, 3, 4] (hand-computed)',
  printed: { z: '0.298', y_hat: '0.5740' },
  float64: ({ w, b, x, activation }) => {
    const z = w.reduce((s, v, i) => s + v * x[i]!, b);
    return { z, y_hat: activation === 'sigmoid' ? sigmoid(z) : activation === 'relu' ? Math.max(0, z) : Math.tanh(z) };
  },
});

it('linear-activation-choice: two statements are true', () => {
  const solution = solveVariant(getExercise('linear-activation-choice'), 'canonical');
  expect(solution).toMatchObject({ kind: 'choice', correct: ['collapses', 'monotonic'] });
});
