import type { LogisticParams } from './variants';
import { checkNumericExercise, sigmoid } from '../../../test/helpers';

checkNumericExercise<LogisticParams>('logistic-regression-gradient', {
  printedSource: 'hand-computed values',
  printed: {
    a_1: '0.4626',
    a_2: '0.6900',
    a_3: '0.4502',
    dJ_dw1: '-1.6371',
    dJ_dw2: '-1.5085',
    dJ_dw3: '1.9174',
    dJ_dw4: '0.9649',
    dJ_db: '-0.3973',
  },
  float64: ({ X, Y, w, b }) => {
    const a = [0, 1, 2].map((i) => sigmoid(X.reduce((s, row, j) => s + w[j]! * row[i]!, b)));
    const d = a.map((v, i) => v - Y[i]!);
    const dw = X.map((row) => row.reduce((s, x, i) => s + x * d[i]!, 0));
    return {
      a_1: a[0]!,
      a_2: a[1]!,
      a_3: a[2]!,
      dJ_dw1: dw[0]!,
      dJ_dw2: dw[1]!,
      dJ_dw3: dw[2]!,
      dJ_dw4: dw[3]!,
      dJ_db: d.reduce((s, v) => s + v, 0),
    };
  },
});
