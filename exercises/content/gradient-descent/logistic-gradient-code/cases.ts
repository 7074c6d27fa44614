import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';

/** The notes' kernel w = [0.32, 0.3, −0.21, 0.002], b = 0 on three examples (columns). */
export const notesKernelCase = {
  X: [
    [1, 2, 0],
    [3, 0, 1],
    [2, 1, 4],
    [10, 50, 100],
  ],
  Y: [1, 0, 1],
  w: [0.32, 0.3, -0.21, 0.002],
  b: 0,
};

export function visible(): CodeCase[] {
  const c = notesKernelCase;
  return [
    {
      name: 'the notes’ weights [0.32, 0.3, −0.21, 0.002], b = 0; 4 features × 3 examples',
      entry: 'logisticGradient',
      args: [c.X, c.Y, c.w, c.b],
    },
    { name: 'one feature, two examples', entry: 'logisticGradient', args: [[[1, -1]], [1, 0], [0.5], 0.25] },
  ];
}

const HIDDEN_CASE_COUNT = 12;

/** 1–4 features, 2–8 examples (never a square X), both labels present. */
export function randomLogisticCase(rng: Rng, name: string): CodeCase {
  const n = rng.int(1, 4);
  let m = rng.int(2, 8);
  if (m === n) m += 1;
  const X = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.rounded(-3, 3, 1)));
  const Y = Array.from({ length: m }, (_, i) => (i < 2 ? i : rng.int(0, 1)));
  const w = Array.from({ length: n }, () => rng.rounded(-1, 1, 2));
  return { name, entry: 'logisticGradient', args: [X, Y, w, rng.rounded(-1, 1, 1)] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  return Array.from({ length: HIDDEN_CASE_COUNT }, (_, i) => randomLogisticCase(rng, `hidden ${i + 1}`));
}
