import type { LinearRegressionParams } from '../../content/gradient-descent/linear-regression-gradient/variants';
import type { LogisticParams } from '../../content/gradient-descent/logistic-regression-gradient/variants';
import { checkNumericExercise, sigmoid } from '../helpers';

checkNumericExercise<LinearRegressionParams>('linear-regression-gradient', {
  printedSource: 'hand-computed values on the notes’ house table with w = [90000, 100, 2]',
  // float32 carries ~0.01 of error into each residual (prices ≈ 1e5), so 5 significant figures.
  printed: { r_1: '-813.0', J: '1.0126e7', grad_1: '-486.4', grad_2: '-2.2592e5', grad_3: '1.7427e7' },
  float64: ({ X, y, w }) => {
    const r = X.map((row, i) => row.reduce((s, x, j) => s + x * w[j]!, 0) - y[i]!);
    const grad = [0, 1, 2].map((j) => 2 * X.reduce((s, row, i) => s + row[j]! * r[i]!, 0));
    return { r_1: r[0]!, J: r.reduce((s, v) => s + v * v, 0) / r.length, grad_1: grad[0]!, grad_2: grad[1]!, grad_3: grad[2]! };
  },
});

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
