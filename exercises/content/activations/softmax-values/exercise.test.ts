import type { SoftmaxParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

// The notes print no numbers for this one; the canonical values below were computed by hand (4 decimals).
checkNumericExercise<SoftmaxParams>('softmax-values', {
  printedSource: 'hand-computed softmax of [2, 1, 0.1]',
  printed: { y_1: '0.6590', y_2: '0.2424', y_3: '0.0986', sum: '1' },
  float64: ({ logits }) => {
    const e = logits.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    return { y_1: e[0]! / s, y_2: e[1]! / s, y_3: e[2]! / s, sum: 1 };
  },
});
