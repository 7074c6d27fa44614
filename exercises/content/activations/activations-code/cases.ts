import type { CodeCase } from '../../../src/definition';
import type { Rng } from '../../../src/random';
import { activationKinds, type ActivationKind } from './reference';

export function visible(): CodeCase[] {
  return [
    // The notes: h(1.3) = 0.7858, h(1.5) = 0.8176 (forward-pass example), g(−6) ≈ 0.002 (perceptron example).
    { name: 'sigmoid at the notes’ z = 1.3, 1.5, −6', entry: 'activate', args: ['sigmoid', [1.3, 1.5, -6], 0] },
    { name: 'tanh', entry: 'activate', args: ['tanh', [-1, 0.5, 2], 0] },
    { name: 'relu (h′(0) = 0)', entry: 'activate', args: ['relu', [-2, 0, 1.5], 0] },
    { name: 'leaky relu, α = 0.01 (h′(0) = α)', entry: 'activate', args: ['leaky-relu', [-2, 0, 3], 0.01] },
    { name: 'softplus', entry: 'activate', args: ['softplus', [-1, 0, 2], 0] },
    { name: 'softmax', entry: 'activate', args: ['softmax', [2, 1, 0.1], 0] },
  ];
}

/** 3–5 inputs with both signs and at least one |z| ≥ 0.5 (so z itself is never "close enough"), |z| ≤ 3. */
export function randomActivationCase(rng: Rng, name: ActivationKind, caseName: string): CodeCase {
  const length = rng.int(3, 5);
  const z = Array.from({ length }, () => rng.rounded(-3, 3, 2));
  z[0] = rng.rounded(0.5, 3, 2);
  z[1] = -rng.rounded(0.5, 3, 2);
  const alpha = name === 'leaky-relu' ? rng.pick([0.01, 0.1, 0.2, 0.3]) : 0;
  return { name: caseName, entry: 'activate', args: [name, z, alpha] };
}

export function hidden(_params: Record<string, unknown>, rng: Rng): CodeCase[] {
  return [0, 1].flatMap((i) => activationKinds.map((name) => randomActivationCase(rng, name, `hidden ${name} ${i + 1}`)));
}
