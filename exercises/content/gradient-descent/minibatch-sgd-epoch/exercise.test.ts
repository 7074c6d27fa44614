import type { MinibatchParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

/** Independent float64: the two updates written out. */
function float64(p: MinibatchParams): Record<string, number> {
  const step = (w: number, b: number, rows: number[]) => {
    const n = rows.length;
    const dw = rows.reduce((s, i) => s + 2 * (w * p.x[i]! + b - p.y[i]!) * p.x[i]!, 0) / n;
    const db = rows.reduce((s, i) => s + 2 * (w * p.x[i]! + b - p.y[i]!), 0) / n;
    return [w - p.lr * dw, b - p.lr * db] as const;
  };
  const [w_1, b_1] = step(p.w, p.b, p.batches[0]);
  const [w_2, b_2] = step(w_1, b_1, p.batches[1]);
  const J_epoch = p.x.reduce((s, x, i) => s + (w_2 * x + b_2 - p.y[i]!) ** 2, 0) / p.x.length;
  return { w_1, b_1, w_2, b_2, J_epoch };
}

checkNumericExercise<MinibatchParams>('minibatch-sgd-epoch', {
  printedSource: 'hand-computed epoch on the notes’ study-hours table (quiz → exam, w = b = 0, α = 0.5)',
  printed: { w_1: '0.5853', b_1: '0.8275', w_2: '0.1823', b_2: '0.2904', J_epoch: '0.1520' },
  float64,
});
