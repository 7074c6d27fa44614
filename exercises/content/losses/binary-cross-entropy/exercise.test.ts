import type { BceParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

checkNumericExercise<BceParams>('binary-cross-entropy', {
  printedSource: 'hand-computed BCE of y = [1, 0, 1, 0], f = [0.9, 0.2, 0.6, 0.3]',
  printed: { bce: '0.2990', dbce_df1: '-0.2778' },
  float64: ({ y, p }) => {
    const n = y.length;
    const bce = -y.reduce((s, v, i) => s + v * Math.log(p[i]!) + (1 - v) * Math.log(1 - p[i]!), 0) / n;
    return { bce, dbce_df1: -(1 / n) * (y[0]! / p[0]! - (1 - y[0]!) / (1 - p[0]!)) };
  },
});
