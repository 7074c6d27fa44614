import { defineExercise, type NumericField } from '../../../src/definition';
import { outputNetInput, sigmoidOf, solve } from './reference';
import type { ForwardPassParams } from './variants';
import { variants } from './variants';

const netInput = { min: -100, max: 100 };
const activation = { min: 0, max: 1, open: true };
// Integer inputs and one-decimal weights put z(2) on a grid of 0.1: when the terms cancel it is exactly 0, which
// float32 leaves as ~1e-8. That reference counts as 0 (the rule), so a student's exact 0 is correct.
const netInputOnGrid = { mode: 'sigfigs', digits: 3, referenceNoise: 1e-6 } as const;

const fields: NumericField<ForwardPassParams>[] = [
  { name: 'z2_1', label: '$z_1(2)$', plausible: netInput, tolerance: netInputOnGrid },
  { name: 'z2_2', label: '$z_2(2)$', plausible: netInput, tolerance: netInputOnGrid },
  { name: 'a2_1', label: '$a_1(2)$', plausible: activation, derive: { from: ['z2_1'], compute: (_p, u) => sigmoidOf(u.z2_1!) } },
  { name: 'a2_2', label: '$a_2(2)$', plausible: activation, derive: { from: ['z2_2'], compute: (_p, u) => sigmoidOf(u.z2_2!) } },
  {
    name: 'z3_1',
    label: '$z_1(3)$',
    plausible: netInput,
    derive: { from: ['a2_1', 'a2_2'], compute: (p, u) => outputNetInput(p, 0, [u.a2_1!, u.a2_2!]) },
  },
  {
    name: 'z3_2',
    label: '$z_2(3)$',
    plausible: netInput,
    derive: { from: ['a2_1', 'a2_2'], compute: (p, u) => outputNetInput(p, 1, [u.a2_1!, u.a2_2!]) },
  },
  { name: 'a3_1', label: '$a_1(3)$', plausible: activation, derive: { from: ['z3_1'], compute: (_p, u) => sigmoidOf(u.z3_1!) } },
  { name: 'a3_2', label: '$a_2(3)$', plausible: activation, derive: { from: ['z3_2'], compute: (_p, u) => sigmoidOf(u.z3_2!) } },
];

export default defineExercise({
  slug: 'mlp-forward-pass',
  title: 'Forward pass through a 3-2-2 network',
  topic: 'forward-pass',
  order: 20,
  points: 4,
  summary: 'Net inputs and sigmoid activations of the notes’ 3-2-2 network, layer by layer.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields,
  solve,
});
