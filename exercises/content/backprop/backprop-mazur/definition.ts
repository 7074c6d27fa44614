import { defineExercise, type NumericField } from '../../../src/definition';
import { gradientStep, hiddenWeightGradient, outputFromHidden, outputWeightGradient, solve, totalError } from './reference';
import { variants, type MazurParams } from './variants';

const unit = { min: 0, max: 1, open: true };
const gradient = { min: -1, max: 1 };
const weight = { min: -10, max: 10 };

const fields: NumericField<MazurParams>[] = [
  { name: 'out_h1', label: '$out_{h1}$', plausible: unit },
  { name: 'out_h2', label: '$out_{h2}$', plausible: unit },
  {
    name: 'out_o1',
    label: '$out_{o1}$',
    plausible: unit,
    derive: { from: ['out_h1', 'out_h2'], compute: (p, u) => outputFromHidden(p, 0, u.out_h1!, u.out_h2!) },
  },
  {
    name: 'out_o2',
    label: '$out_{o2}$',
    plausible: unit,
    derive: { from: ['out_h1', 'out_h2'], compute: (p, u) => outputFromHidden(p, 1, u.out_h1!, u.out_h2!) },
  },
  {
    name: 'E_total',
    label: '$E_{total}$',
    plausible: { min: 0, max: 1 },
    derive: { from: ['out_o1', 'out_o2'], compute: (p, u) => totalError(p, u.out_o1!, u.out_o2!) },
  },
  {
    name: 'dE_dw5',
    label: '$\\partial E_{total} / \\partial w_5$',
    plausible: gradient,
    derive: { from: ['out_o1', 'out_h1'], compute: (p, u) => outputWeightGradient(p, 0, u.out_o1!, u.out_h1!) },
  },
  {
    name: 'dE_dw7',
    label: '$\\partial E_{total} / \\partial w_7$',
    plausible: gradient,
    derive: { from: ['out_o2', 'out_h1'], compute: (p, u) => outputWeightGradient(p, 1, u.out_o2!, u.out_h1!) },
  },
  {
    name: 'dE_dw1',
    label: '$\\partial E_{total} / \\partial w_1$',
    plausible: gradient,
    derive: { from: ['out_h1', 'out_o1', 'out_o2'], compute: (p, u) => hiddenWeightGradient(p, u.out_h1!, u.out_o1!, u.out_o2!) },
  },
  {
    name: 'w5_new',
    label: 'new $w_5$',
    plausible: weight,
    derive: { from: ['dE_dw5'], compute: (p, u) => gradientStep(p, p.w[4]!, u.dE_dw5!) },
  },
  {
    name: 'w1_new',
    label: 'new $w_1$',
    hint: 'w₁ changes only in the 4th decimal.',
    plausible: weight,
    // w1 barely moves (Δ ≈ 2e-4 on 0.15): 3 figures would accept an unchanged w1, so ask for 6.
    tolerance: { mode: 'sigfigs', digits: 6 },
    derive: { from: ['dE_dw1'], compute: (p, u) => gradientStep(p, p.w[0]!, u.dE_dw1!) },
  },
];

export default defineExercise({
  slug: 'backprop-mazur',
  title: 'Backpropagation by hand (Mazur’s network)',
  topic: 'backprop',
  order: 10,
  points: 10,
  summary: 'Forward pass, three gradients and one update step of the 2-2-2 sigmoid network.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields,
  solve,
});
