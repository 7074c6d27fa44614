import type { BceParams } from '../../content/losses/binary-cross-entropy/variants';
import type { CceParams } from '../../content/losses/categorical-cross-entropy/variants';
import type { RegressionLossParams } from '../../content/losses/regression-losses/variants';
import { checkNumericExercise } from '../helpers';

checkNumericExercise<RegressionLossParams>('regression-losses', {
  printedSource: 'hand-computed MSE/MAE of y = [3, −0.5, 2, 7], ŷ = [2.5, 0, 2, 8]',
  printed: { mse: '0.375', mae: '0.5', dmse_dyhat1: '-0.25' },
  float64: ({ y, yHat }) => {
    const n = y.length;
    return {
      mse: y.reduce((s, v, i) => s + (v - yHat[i]!) ** 2, 0) / n,
      mae: y.reduce((s, v, i) => s + Math.abs(v - yHat[i]!), 0) / n,
      dmse_dyhat1: (2 / n) * (yHat[0]! - y[0]!),
    };
  },
});

checkNumericExercise<BceParams>('binary-cross-entropy', {
  printedSource: 'hand-computed BCE of y = [1, 0, 1, 0], f = [0.9, 0.2, 0.6, 0.3]',
  printed: { bce: '0.2990', dbce_df1: '-0.2778' },
  float64: ({ y, p }) => {
    const n = y.length;
    const bce = -y.reduce((s, v, i) => s + v * Math.log(p[i]!) + (1 - v) * Math.log(1 - p[i]!), 0) / n;
    return { bce, dbce_df1: -(1 / n) * (y[0]! / p[0]! - (1 - y[0]!) / (1 - p[0]!)) };
  },
});

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
