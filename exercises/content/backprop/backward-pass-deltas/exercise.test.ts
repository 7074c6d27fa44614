import type { DeltasParams } from './variants';
import { checkNumericExercise } from '../../../test/helpers';

/** Independent float64: the notes' recursion written out with plain arrays. */
function float64(p: DeltasParams): Record<string, number> {
  const mv = (W: number[][], v: number[]) => W.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
  const mtv = (W: number[][], v: number[]) => W[0]!.map((_, j) => W.reduce((s, row, i) => s + row[j]! * v[i]!, 0));
  const relu = (v: number[]) => v.map((a) => Math.max(0, a));
  const a1 = mv(p.W1, p.x);
  const a2 = mv(p.W2, relu(a1));
  const a3 = mv(p.W3, relu(a2));
  const e = a3.map(Math.exp);
  const y = e.map((v) => v / (e[0]! + e[1]!));
  const d3 = y.map((v, k) => v - p.t[k]!);
  const d2 = mtv(p.W3, d3).map((v, j) => (a2[j]! > 0 ? v : 0));
  const d1 = mtv(p.W2, d2).map((v, j) => (a1[j]! > 0 ? v : 0));
  return {
    y_1: y[0]!,
    y_2: y[1]!,
    delta3_1: d3[0]!,
    delta3_2: d3[1]!,
    delta2_1: d2[0]!,
    delta2_2: d2[1]!,
    delta1_1: d1[0]!,
    delta1_2: d1[1]!,
  };
}

checkNumericExercise<DeltasParams>('backward-pass-deltas', {
  printedSource: 'hand-computed deltas (a(1) = [−0.3, 1.3], a(2) = [−0.26, 0.78])',
  printed: {
    y_1: '0.3489',
    y_2: '0.6511',
    delta3_1: '0.3489',
    delta3_2: '-0.3489',
    delta2_1: '0',
    delta2_2: '-0.2791',
    delta1_1: '0',
    delta1_2: '-0.1675',
  },
  float64,
});
