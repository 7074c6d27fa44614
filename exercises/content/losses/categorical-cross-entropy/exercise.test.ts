import type { CceParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

checkNumericExercise<CceParams>('categorical-cross-entropy', {
  printedSource: 'hand-computed softmax/cross-entropy of a = [2, 1, 0.1], t = [1, 0, 0]',
  printed: { y_1: '0.6590', y_2: '0.2424', y_3: '0.0986', loss: '0.4170', dL_da1: '-0.3410', dL_da2: '0.2424', dL_da3: '0.0986' },
  float64: ({ a, t }) => {
    const e = a.map(Math.exp);
    const s = e.reduce((x, v) => x + v, 0);
    const y = e.map((v) => v / s);
    return {
      y_1: y[0]!,
      y_2: y[1]!,
      y_3: y[2]!,
      loss: -t.reduce((x, tk, k) => x + tk * Math.log(y[k]!), 0),
      dL_da1: y[0]! - t[0]!,
      dL_da2: y[1]! - t[1]!,
      dL_da3: y[2]! - t[2]!,
    };
  },
});
