import { expect, it } from 'vitest';
import { createRng, expectedOutput, getExercise, visibleCases } from '../../../src/index';
import { randomActivationCase } from './cases';
import { activationKinds, type ActivationKind, type ActivationResult } from './reference';
import { describeEachBackend, expectPrinted, firstMismatch, hundredSeeds } from '../../../test/helpers';

const exercise = getExercise('activations-code');
if (exercise.kind !== 'code') throw new Error('code expected');
const tolerance = exercise.tolerance;

/** Independent float64 from the definitions (exp/log forms; softmax Jacobian diagonal by finite differences). */
function float64(name: ActivationKind, z: number[], alpha: number): ActivationResult {
  const s = (v: number) => Math.exp(v) / (1 + Math.exp(v));
  if (name === 'softmax') {
    const soft = (v: number[]) => v.map((x) => Math.exp(x) / v.reduce((sum, y) => sum + Math.exp(y), 0));
    const y = soft(z);
    const h = 1e-6;
    const derivative = z.map(
      (_, k) => (soft(z.map((v, j) => (j === k ? v + h : v)))[k]! - soft(z.map((v, j) => (j === k ? v - h : v)))[k]!) / (2 * h),
    );
    return { value: y, derivative };
  }
  const f: Record<Exclude<ActivationKind, 'softmax'>, [(v: number) => number, (v: number) => number]> = {
    sigmoid: [s, (v) => Math.exp(-v) / (1 + Math.exp(-v)) ** 2],
    tanh: [(v) => (Math.exp(v) - Math.exp(-v)) / (Math.exp(v) + Math.exp(-v)), (v) => 4 / (Math.exp(v) + Math.exp(-v)) ** 2],
    relu: [(v) => (v > 0 ? v : 0), (v) => (v > 0 ? 1 : 0)],
    'leaky-relu': [(v) => (v > 0 ? v : alpha * v), (v) => (v > 0 ? 1 : alpha)],
    softplus: [(v) => Math.log(1 + Math.exp(v)), s],
  };
  const [h, dh] = f[name];
  return { value: z.map(h), derivative: z.map(dh) };
}

describeEachBackend('activations-code', () => {
  it('reproduces the notes: σ(1.3) = 0.7858, σ(1.5) = 0.8176, g(−6) ≈ 0.002; tanh(x) = 2σ(2x) − 1', () => {
    const cases = visibleCases(exercise, 'canonical');
    const sigmoid = cases[0]!.expected as ActivationResult;
    expectPrinted(sigmoid.value[0]!, '0.7858');
    expectPrinted(sigmoid.value[1]!, '0.8176');
    expectPrinted(sigmoid.value[2]!, '0.002');
    const tanh = cases[1]!;
    const twiceSigmoid = expectedOutput(exercise, {
      ...tanh,
      args: ['sigmoid', (tanh.args[1] as number[]).map((v) => 2 * v), 0],
    }) as ActivationResult;
    (tanh.expected as ActivationResult).value.forEach((t, k) => expect(t).toBeCloseTo(2 * twiceSigmoid.value[k]! - 1, 6));
    for (const c of cases) {
      expect(firstMismatch(c.expected, float64(...(c.args as [ActivationKind, number[], number])), tolerance), c.name).toBeNull();
    }
  });

  it('uses the one-sided derivatives at 0: ReLU′(0) = 0, leaky ReLU′(0) = α, softplus′(0) = ½', () => {
    const cases = visibleCases(exercise, 'canonical');
    expect((cases.find((c) => c.args[0] === 'relu')!.expected as ActivationResult).derivative[1]).toBe(0);
    expect((cases.find((c) => c.args[0] === 'leaky-relu')!.expected as ActivationResult).derivative[1]).toBeCloseTo(0.01, 7);
    expect((cases.find((c) => c.args[0] === 'softplus')!.expected as ActivationResult).derivative[1]).toBeCloseTo(0.5, 6);
  });

  it('agrees with a float64 implementation on 100 random cases (every activation)', () => {
    for (const [i, seed] of hundredSeeds.entries()) {
      const c = randomActivationCase(createRng(seed), activationKinds[i % activationKinds.length]!, `seed ${seed}`);
      expect(
        firstMismatch(expectedOutput(exercise, c), float64(...(c.args as [ActivationKind, number[], number])), tolerance),
        c.name,
      ).toBeNull();
    }
  });
});
