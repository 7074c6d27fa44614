import { defineExercise, type NumericField } from '../../../src/definition';
import { solve, withScale } from './reference';
import { variants, type DropoutParams } from './variants';

const perUnit = (output: 'y' | 'g'): NumericField<DropoutParams>[] =>
  [0, 1, 2, 3].map((i) => ({
    name: `${output}${i + 1}`,
    label: output === 'y' ? `$y_${i + 1}$` : `$\\partial L / \\partial a_${i + 1}$`,
    derive: { from: ['scale'], compute: (p: DropoutParams, u: Record<string, number>) => withScale(p, output, i, u.scale!) },
  }));

export default defineExercise({
  slug: 'inverted-dropout',
  title: 'Inverted dropout with a given mask',
  topic: 'regularisation',
  order: 20,
  points: 2,
  summary: 'Forward and backward pass of an inverted-dropout layer for a given mask.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    // Open at 0: a student who scales by 1 − p still gets carried credit for applying it consistently.
    { name: 'scale', label: 'scale factor $1/(1-p)$', plausible: { min: 0, max: 100, open: true } },
    ...perUnit('y'),
    ...perUnit('g'),
  ],
  solve,
});
