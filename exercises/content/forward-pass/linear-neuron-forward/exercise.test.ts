import type { LinearNeuronParams } from './variants';
import { checkNumericExercise, sigmoid } from '../../../test/helpers';

checkNumericExercise<LinearNeuronParams>('linear-neuron-forward', {
  printedSource: 'the notes’ weights [0.32, 0.3, −0.21, 0.002], b = 0, with x = [1, 2, 3, 4] (hand-computed)',
  printed: { z: '0.298', y_hat: '0.5740' },
  float64: ({ w, b, x, activation }) => {
    const z = w.reduce((s, v, i) => s + v * x[i]!, b);
    return { z, y_hat: activation === 'sigmoid' ? sigmoid(z) : activation === 'relu' ? Math.max(0, z) : Math.tanh(z) };
  },
});
