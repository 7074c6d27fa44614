import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';
import { lossNames, type LossName } from './reference';

/** Mazur's outputs and targets from the notes: the MSE over the two outputs is the notes' E_total = 0.2984. */
const mazurOutputs = { y: [[0.75136507, 0.772928465]], t: [[0.01, 0.99]] };

export function visible(): CodeCase[] {
  return [
    {
      name: 'mse: Mazur’s outputs [0.7514, 0.7729], targets [0.01, 0.99] (the notes’ E_total)',
      entry: 'loss',
      args: ['mse', mazurOutputs.y, mazurOutputs.t],
    },
    { name: 'mae: the same outputs', entry: 'loss', args: ['mae', mazurOutputs.y, mazurOutputs.t] },
    { name: 'bce: three examples, one output each', entry: 'loss', args: ['bce', [[0.9], [0.2], [0.6]], [[1], [0], [0]]] },
    {
      name: 'cce: two examples, three classes',
      entry: 'loss',
      args: [
        'cce',
        [
          [0.7, 0.2, 0.1],
          [0.1, 0.3, 0.6],
        ],
        [
          [1, 0, 0],
          [0, 1, 0],
        ],
      ],
    },
  ];
}

/** A random batch for one loss: 2–5 examples (so a sum and a mean always differ), probabilities in (0, 1). */
export function randomLossCase(rng: Rng, name: LossName, caseName: string): CodeCase {
  const rows = rng.int(2, 5);
  const width = name === 'cce' ? rng.int(2, 4) : rng.int(1, 3);
  if (name === 'cce') {
    const y = Array.from({ length: rows }, () => {
      const raw = Array.from({ length: width }, () => rng.rounded(0.05, 1, 2));
      const sum = raw.reduce((s, v) => s + v, 0);
      return raw.map((v) => v / sum);
    });
    const t = Array.from({ length: rows }, () => {
      const k = rng.int(0, width - 1);
      return Array.from({ length: width }, (_, j) => (j === k ? 1 : 0));
    });
    return { name: caseName, entry: 'loss', args: [name, y, t] };
  }
  const y = Array.from({ length: rows }, () =>
    Array.from({ length: width }, () => rng.rounded(name === 'bce' ? 0.02 : -2, name === 'bce' ? 0.98 : 2, 2)),
  );
  const t = Array.from({ length: rows }, () =>
    Array.from({ length: width }, () => (name === 'bce' ? rng.int(0, 1) : rng.rounded(-2, 2, 2))),
  );
  return { name: caseName, entry: 'loss', args: [name, y, t] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  return [0, 1, 2].flatMap((i) => lossNames.map((name) => randomLossCase(rng, name, `hidden ${name} ${i + 1}`)));
}
