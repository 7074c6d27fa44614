import type { SoftmaxClassifierParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

checkNumericExercise<SoftmaxClassifierParams>('softmax-classifier-gradient', {
  printedSource: 'hand-computed values (a = [−0.7, 3.9, 0.8])',
  printed: { y_1: '0.0095', y_2: '0.9478', y_3: '0.0427', dL_dw11: '0.0095', dL_dw22: '1.8956', dL_dw31: '-0.9573', dL_db2: '0.9478' },
  float64: ({ W, b, x, t }) => {
    const a = W.map((row, k) => row[0]! * x[0]! + row[1]! * x[1]! + b[k]!);
    const e = a.map(Math.exp);
    const s = e.reduce((u, v) => u + v, 0);
    const y = e.map((v) => v / s);
    const d = y.map((v, k) => v - t[k]!);
    return { y_1: y[0]!, y_2: y[1]!, y_3: y[2]!, dL_dw11: x[0]! * d[0]!, dL_dw22: x[1]! * d[1]!, dL_dw31: x[0]! * d[2]!, dL_db2: d[1]! };
  },
});
