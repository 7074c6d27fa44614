import { expect, it } from 'vitest';
import { getExercise, hiddenCases, type Layer } from '../src/index';
import { outputPreActivations } from '../src/networks';

/** What the issue asks the forward/backprop cases to cover, checked on the canonical and a few random variants. */
function coverage(slug: string, variant: number | 'canonical') {
  const cases = hiddenCases(getExercise(slug), variant);
  const networks = cases.map((c) => {
    const args = c.args as [number[], ...unknown[]];
    return { x: args[0], layers: args[args.length - 1] as Layer[] };
  });
  const preActivations = networks.flatMap(({ x, layers }) => layers.map((_, l) => outputPreActivations(x, layers.slice(0, l + 1))).flat());
  return {
    depths: new Set(networks.map((n) => n.layers.length)),
    activations: new Set(networks.flatMap((n) => n.layers.map((l) => l.activation))),
    nonSquare: networks.some((n) => n.layers.some((l) => l.W.length !== l.W[0]!.length)),
    negativePreActivation: preActivations.some((z) => z < 0),
    largeLogits: networks.some((n) => n.layers.some((l) => l.activation === 'softmax' && l.b.some((b) => Math.abs(b) > 700))),
    softmaxOutput: networks.some((n) => n.layers[n.layers.length - 1]!.activation === 'softmax'),
  };
}

for (const variant of ['canonical' as const, 7, 8, 9]) {
  it(`mlp-forward-code cases cover depths 1–4, every activation, non-square layers, negative z, large logits (${String(variant)})`, () => {
    const c = coverage('mlp-forward-code', variant);
    expect([...c.depths].sort()).toEqual([1, 2, 3, 4]);
    expect([...c.activations].sort()).toEqual(['linear', 'relu', 'sigmoid', 'softmax', 'tanh']);
    expect(c.nonSquare && c.negativePreActivation && c.largeLogits).toBe(true);
  });

  it(`mlp-backprop-code cases cover depths 1–4, every activation, softmax + cross-entropy outputs (${String(variant)})`, () => {
    const c = coverage('mlp-backprop-code', variant);
    expect([...c.depths].sort()).toEqual([1, 2, 3, 4]);
    expect([...c.activations].sort()).toEqual(['linear', 'relu', 'sigmoid', 'softmax', 'tanh']);
    expect(c.nonSquare && c.negativePreActivation && c.softmaxOutput).toBe(true);
  });
}
