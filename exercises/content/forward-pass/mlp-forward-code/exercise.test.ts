import { expect, it } from 'vitest';
import { networkCaseCoverage } from '../../../test/helpers';

// What the issue asks the forward cases to cover, checked on the canonical and a few random variants.
for (const variant of ['canonical' as const, 7, 8, 9]) {
  it(`mlp-forward-code cases cover depths 1–4, every activation, non-square layers, negative z, large logits (${String(variant)})`, () => {
    const c = networkCaseCoverage('mlp-forward-code', variant);
    expect([...c.depths].sort()).toEqual([1, 2, 3, 4]);
    expect([...c.activations].sort()).toEqual(['linear', 'relu', 'sigmoid', 'softmax', 'tanh']);
    expect(c.nonSquare && c.negativePreActivation && c.largeLogits).toBe(true);
  });
}
