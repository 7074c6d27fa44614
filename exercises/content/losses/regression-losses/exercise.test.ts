import type { RegressionLossParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

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
