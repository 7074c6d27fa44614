import type { CodeCase } from '../../../src/definition';
import { mazurNetwork, isInformativeCase, randomLayers, randomVector, type Layer } from '../../../src/networks';
import type { Rng } from '../../../src/random';
import type { ActivationName } from '../../../src/tf';

export function visible(): CodeCase[] {
  return [
    { name: 'Mazur’s 2-2-2 sigmoid network', entry: 'backprop', args: [mazurNetwork.x, mazurNetwork.target, mazurNetwork.layers] },
    {
      name: '3 inputs, tanh hidden layer of 4, softmax over 3 classes',
      entry: 'backprop',
      args: [
        [0.5, -1.2, 2],
        [0, 1, 0],
        [
          {
            W: [
              [0.2, -0.4, 0.1],
              [0.7, 0.1, -0.3],
              [-0.5, 0.3, 0.2],
              [0.1, 0.1, 0.1],
            ],
            b: [0.1, -0.2, 0, 0.3],
            activation: 'tanh',
          },
          {
            W: [
              [1, -1, 0.5, 0.2],
              [0.5, 0.5, -0.5, 0.1],
              [-1, 2, 0.3, -0.2],
            ],
            b: [0, 0.1, -0.1],
            activation: 'softmax',
          },
        ] satisfies Layer[],
      ],
    },
  ];
}

const HIDDEN_CASE_COUNT = 20;
const hiddenActivations: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'linear'];
const outputActivations: ActivationName[] = ['sigmoid', 'softmax', 'linear', 'tanh', 'relu'];

/** Hidden cases: depths 1–4, non-square layers, every activation, softmax + cross-entropy outputs. */
export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  const cases: CodeCase[] = [];
  for (let i = 0; i < HIDDEN_CASE_COUNT; i++) {
    const depth = 1 + (i % 4);
    const output = outputActivations[i % outputActivations.length]!;
    const sizes = [rng.int(1, 4)];
    for (let l = 0; l < depth; l++) sizes.push(rng.int(l === depth - 1 && output === 'softmax' ? 2 : 1, 4));
    const activations = sizes.slice(1).map((_, l) => (l === depth - 1 ? output : rng.pick(hiddenActivations)));
    const x = randomVector(rng, sizes[0]!, 2);
    let layers = randomLayers(rng, sizes, activations, 1.2);
    // A relu output with z ≤ 0 has all-zero gradients, which any sign or scale mistake would also "get right".
    while (!isInformativeCase(x, layers)) {
      layers = randomLayers(rng, sizes, activations, 1.2);
    }
    const outputs = sizes[depth]!;
    const target =
      output === 'softmax'
        ? oneHot(rng.int(0, outputs - 1), outputs)
        : output === 'sigmoid'
          ? Array.from({ length: outputs }, () => rng.rounded(0, 1, 2))
          : randomVector(rng, outputs, 2);
    cases.push({
      name: `hidden ${i + 1}: ${sizes.join('-')} ${activations.join('/')}`,
      entry: 'backprop',
      args: [x, target, layers],
    });
  }
  return cases;
}

function oneHot(index: number, length: number): number[] {
  return Array.from({ length }, (_, k) => (k === index ? 1 : 0));
}
