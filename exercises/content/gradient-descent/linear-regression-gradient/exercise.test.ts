import type { LinearRegressionParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

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
