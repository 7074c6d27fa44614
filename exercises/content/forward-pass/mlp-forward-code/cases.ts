import type { CodeCase } from '../../../src/definition';
import { activationNames, notesForwardNetwork, isInformativeCase, randomLayers, randomVector, type Layer } from '../../../src/networks';
import type { Rng } from '../../../src/random';
import type { ActivationName } from '../../../src/tf';

export function visible(): CodeCase[] {
  return [
    { name: 'notes 3-2-2 sigmoid network', entry: 'forward', args: [notesForwardNetwork.x, notesForwardNetwork.layers] },
    {
      name: 'one relu layer, 2 inputs → 3 neurons',
      entry: 'forward',
      args: [
        [1, -2],
        [
          {
            W: [
              [1, 0],
              [0.5, 1],
              [-1, -1],
            ],
            b: [0, 0.5, 0.25],
            activation: 'relu',
          } satisfies Layer,
        ],
      ],
    },
    {
      name: 'tanh hidden layer, softmax output',
      entry: 'forward',
      args: [
        [0.5, -1, 2],
        [
          {
            W: [
              [0.2, -0.4, 0.1],
              [0.7, 0.1, -0.3],
            ],
            b: [0.1, -0.2],
            activation: 'tanh',
          },
          {
            W: [
              [1, -1],
              [0.5, 0.5],
              [-1, 2],
            ],
            b: [0, 0.1, -0.1],
            activation: 'softmax',
          },
        ] satisfies Layer[],
      ],
    },
  ];
}

const HIDDEN_CASE_COUNT = 24;

/** Hidden cases: depths 1–4, non-square layers, every activation, negative pre-activations, large softmax logits. */
export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  const cases: CodeCase[] = [];
  for (let i = 0; i < HIDDEN_CASE_COUNT; i++) {
    const depth = 1 + (i % 4);
    const sizes = [rng.int(1, 5)];
    for (let l = 0; l < depth; l++) {
      // Force a non-square layer now and then by changing the width.
      const previous = sizes[l]!;
      sizes.push(rng.next() < 0.5 ? (previous % 5) + 1 : rng.int(1, 5));
    }
    const activations: ActivationName[] = sizes.slice(1).map((_, l) => activationNames[(i + l) % activationNames.length]!);
    // Large logits: a softmax output whose logits all sit near ±800, where exp() overflows (or underflows to 0/0)
    // unless the implementation subtracts the largest logit first.
    const largeLogits = i % 6 === 5;
    if (largeLogits) activations[activations.length - 1] = 'softmax';
    // A softmax over one neuron is always [1]: give every softmax layer at least 2 neurons.
    activations.forEach((activation, l) => {
      if (activation === 'softmax' && sizes[l + 1]! < 2) sizes[l + 1] = rng.int(2, 5);
    });
    const x = randomVector(rng, sizes[0]!, 3);
    let layers = randomLayers(rng, sizes, activations, 1.5);
    // A relu output that is all zeros cannot tell a right answer from several wrong ones: resample.
    while (!isInformativeCase(x, layers)) {
      layers = randomLayers(rng, sizes, activations, 1.5);
    }
    if (largeLogits) {
      const offset = rng.pick([-800, 800]);
      const last = layers[layers.length - 1]!;
      last.b = last.b.map((b) => b + offset);
    }
    cases.push({
      name: `hidden ${i + 1}: ${sizes.join('-')} ${activations.join('/')}${largeLogits ? ' (large logits)' : ''}`,
      entry: 'forward',
      args: [x, layers],
    });
  }
  return cases;
}
