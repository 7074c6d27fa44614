import { studyHoursTable } from '../../../src/datasets/index';
import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';

/** The notes' study-hours table: features [study hours / 100, sleep hours / 10, quiz], target exam (fractions). */
export function studyHoursRegression(): { X: number[][]; y: number[] } {
  return {
    X: studyHoursTable.rows.map((r) => [r[1] / 100, r[2] / 10, r[3]]),
    y: studyHoursTable.rows.map((r) => r[4]),
  };
}

export function visible(): CodeCase[] {
  const { X, y } = studyHoursRegression();
  const start = [[0, 0, 0], 0] as const;
  return [
    { name: 'study-hours table, mini-batches of 2 (4 updates)', entry: 'sgdEpoch', args: [[...start[0]], start[1], X, y, 0.1, 2] },
    { name: 'study-hours table, batch gradient descent (1 update)', entry: 'sgdEpoch', args: [[...start[0]], start[1], X, y, 0.1, 8] },
    {
      name: 'study-hours table, stochastic gradient descent (8 updates)',
      entry: 'sgdEpoch',
      args: [[...start[0]], start[1], X, y, 0.1, 1],
    },
    { name: 'study-hours table, batches of 3 (the last has 2 rows)', entry: 'sgdEpoch', args: [[0.1, -0.2, 0.3], 0.5, X, y, 0.2, 3] },
  ];
}

const HIDDEN_CASE_COUNT = 10;

/** A random regression problem: 4–10 rows, 1–3 features, batch sizes from 1 to n (often not dividing n). */
export function randomEpochCase(rng: Rng, name: string): CodeCase {
  const n = rng.int(4, 10);
  const d = rng.int(1, 3);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.rounded(-2, 2, 1)));
  const y = Array.from({ length: n }, () => rng.rounded(-2, 2, 1));
  const w = Array.from({ length: d }, () => rng.rounded(-1, 1, 1));
  const batchSize = rng.int(1, n - 1);
  return { name, entry: 'sgdEpoch', args: [w, rng.rounded(-1, 1, 1), X, y, rng.pick([0.05, 0.1, 0.2]), batchSize] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  const cases = Array.from({ length: HIDDEN_CASE_COUNT }, (_, i) => randomEpochCase(rng, `hidden ${i + 1}`));
  // One full-batch case: the epoch is then a single batch-gradient-descent step.
  const last = cases[cases.length - 1]!;
  last.args[5] = (last.args[2] as number[][]).length;
  last.name += ' (one batch)';
  return cases;
}
