import { expect, it } from 'vitest';
import { networkCaseCoverage } from '../../../test/helpers';

// What the issue asks the backprop cases to cover, checked on the canonical and a few random variants.
for (const variant of ['canonical' as const, 7, 8, 9]) {
  it(`mlp-backprop-code cases cover depths 1–4, every activation, softmax + cross-entropy outputs (${String(variant)})`, () => {
    const c = networkCaseCoverage('mlp-backprop-code', variant);
    expect([...c.depths].sort()).toEqual([1, 2, 3, 4]);
    expect([...c.activations].sort()).toEqual(['linear', 'relu', 'sigmoid', 'softmax', 'tanh']);
    expect(c.nonSquare && c.negativePreActivation && c.softmaxOutput).toBe(true);
  });
}
