import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, visibleCases } from '../../../src/index';
import { randomLossCase } from './cases';
import { lossNames, type LossName } from './reference';
import { describeEachBackend, expectPrinted, firstMismatch, hundredSeeds } from '../../../test/helpers';

const exercise = getExercise('loss-functions-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

/** Independent float64, one formula per loss over flattened outputs / per-example sums. */
function float64(name: LossName, y: number[][], t: number[][]): number {
  const pairs = y.flatMap((row, i) => row.map((p, k) => [p, t[i]![k]!] as const));
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  if (name === 'mse') return mean(pairs.map(([p, q]) => (p - q) * (p - q)));
  if (name === 'mae') return mean(pairs.map(([p, q]) => Math.abs(p - q)));
  if (name === 'bce')
    return mean(
      pairs.map(([p, q]) => (q === 1 ? -Math.log(p) : q === 0 ? -Math.log(1 - p) : -(q * Math.log(p) + (1 - q) * Math.log(1 - p)))),
    );
  return mean(y.map((row, i) => -Math.log(row[t[i]!.indexOf(1)]!)));
}

describeEachBackend('loss-functions-code', () => {
  it('reproduces the notes’ E_total = 0.2984 as the MSE of Mazur’s two outputs, and the sample values', () => {
    const cases = visibleCases(exercise, 'canonical');
    expectPrinted(cases[0]!.expected as number, '0.2984', 'mse');
    expect(cases[2]!.expected).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3, 6);
    expect(cases[3]!.expected).toBeCloseTo(-(Math.log(0.7) + Math.log(0.3)) / 2, 6);
    for (const c of cases) {
      const [name, y, t] = c.args as [LossName, number[][], number[][]];
      expect(firstMismatch(c.expected, float64(name, y, t), tolerance), c.name).toBeNull();
    }
  });

  it('agrees with a float64 implementation on 100 random cases (25 per loss)', () => {
    for (const [i, seed] of hundredSeeds.entries()) {
      const c = randomLossCase(createRng(seed), lossNames[i % 4]!, `seed ${seed}`);
      const [name, y, t] = c.args as [LossName, number[][], number[][]];
      expect(firstMismatch(expectedOutput(exercise, c), float64(name, y, t), tolerance), c.name).toBeNull();
    }
  });
});
