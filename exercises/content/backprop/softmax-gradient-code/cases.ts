import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';

/** softmax-classifier-gradient's canonical classifier (3 classes, 2 inputs). */
export const notesClassifier = {
  W: [
    [0.2, -0.5],
    [1.5, 1.3],
    [0, 0.25],
  ],
  b: [0.1, -0.2, 0.3],
};

export function visible(): CodeCase[] {
  const { W, b } = notesClassifier;
  return [
    {
      name: 'one example x = [1, 2] of class 2 (as in softmax-classifier-gradient)',
      entry: 'softmaxGradient',
      args: [W, b, [[1], [2]], [2]],
    },
    {
      name: 'a batch of four examples',
      entry: 'softmaxGradient',
      args: [
        W,
        b,
        [
          [1, -1, 0.5, 2],
          [2, 0, -1, 1],
        ],
        [2, 0, 1, 1],
      ],
    },
  ];
}

const HIDDEN_CASE_COUNT = 12;

/** K = 2…4 classes, N = 1…4 inputs, B = 2…6 examples; logits up to ~±20 (a naive softmax still works in float64). */
export function randomSoftmaxCase(rng: Rng, name: string): CodeCase {
  const K = rng.int(2, 4);
  const N = rng.int(1, 4);
  const B = rng.int(2, 6);
  const W = Array.from({ length: K }, () => Array.from({ length: N }, () => rng.rounded(-2, 2, 1)));
  const b = Array.from({ length: K }, () => rng.rounded(-1, 1, 1));
  const X = Array.from({ length: N }, () => Array.from({ length: B }, () => rng.rounded(-2, 2, 1)));
  const labels = Array.from({ length: B }, () => rng.int(0, K - 1));
  return { name, entry: 'softmaxGradient', args: [W, b, X, labels] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  return Array.from({ length: HIDDEN_CASE_COUNT }, (_, i) => randomSoftmaxCase(rng, `hidden ${i + 1}`));
}
