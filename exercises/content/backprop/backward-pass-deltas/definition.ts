import { defineExercise, type NumericField } from '../../../src/definition';
import { deltaFromAbove, outputDelta, solve } from './reference';
import { variants, type DeltasParams } from './variants';

const delta = { min: -10, max: 10 };
// A hidden delta is exactly 0 for an inactive ReLU unit, and also when two one-decimal weights above it are equal
// (the output deltas are [d, −d]): float32 then leaves ~1e-8, a reference that counts as 0.
const hiddenDelta = { mode: 'sigfigs', digits: 3, referenceNoise: 1e-6 } as const;
const field = (
  name: string,
  label: string,
  derive: NumericField<DeltasParams>['derive'],
  tolerance?: typeof hiddenDelta,
): NumericField<DeltasParams> => ({
  name,
  label,
  plausible: delta,
  ...(tolerance ? { tolerance } : {}),
  ...(derive ? { derive } : {}),
});
const d3 = (u: Record<string, number>) => [u.delta3_1!, u.delta3_2!];
const d2 = (u: Record<string, number>) => [u.delta2_1!, u.delta2_2!];

export default defineExercise({
  slug: 'backward-pass-deltas',
  title: 'The backward pass, layer by layer',
  topic: 'backprop',
  order: 35,
  points: 4,
  summary: 'δ(3) = y − t and δ(r) = f′(a(r)) ⊙ W(r+1)ᵀ δ(r+1) through two ReLU layers.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'y_1', label: '$y_1$', plausible: { min: 0, max: 1, open: true } },
    { name: 'y_2', label: '$y_2$', plausible: { min: 0, max: 1, open: true } },
    field('delta3_1', '$\\delta^{(3)}_1$', { from: ['y_1', 'y_2'], compute: (p, u) => outputDelta(p, [u.y_1!, u.y_2!], 0) }),
    field('delta3_2', '$\\delta^{(3)}_2$', { from: ['y_1', 'y_2'], compute: (p, u) => outputDelta(p, [u.y_1!, u.y_2!], 1) }),
    field(
      'delta2_1',
      '$\\delta^{(2)}_1$',
      { from: ['delta3_1', 'delta3_2'], compute: (p, u) => deltaFromAbove(p, 2, d3(u), 0) },
      hiddenDelta,
    ),
    field(
      'delta2_2',
      '$\\delta^{(2)}_2$',
      { from: ['delta3_1', 'delta3_2'], compute: (p, u) => deltaFromAbove(p, 2, d3(u), 1) },
      hiddenDelta,
    ),
    field(
      'delta1_1',
      '$\\delta^{(1)}_1$',
      { from: ['delta2_1', 'delta2_2'], compute: (p, u) => deltaFromAbove(p, 1, d2(u), 0) },
      hiddenDelta,
    ),
    field(
      'delta1_2',
      '$\\delta^{(1)}_2$',
      { from: ['delta2_1', 'delta2_2'], compute: (p, u) => deltaFromAbove(p, 1, d2(u), 1) },
      hiddenDelta,
    ),
  ],
  solve,
});
