import { defineExercise } from '../../../src/definition';
import { solve } from './reference';
import { variants } from './variants';

const scale = { min: 0, max: 2, open: true };

export default defineExercise({
  slug: 'init-scales',
  title: 'Xavier (Glorot) and He initialisation scales',
  topic: 'initialisation',
  order: 30,
  points: 2,
  summary: 'The range or standard deviation of the usual weight initialisers for a given fan-in and fan-out.',
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    { name: 'notes_limit', label: 'notes’ uniform: $a$ in $U(-a, a)$', plausible: scale },
    { name: 'glorot_uniform_limit', label: 'Glorot uniform: $a$', plausible: scale },
    { name: 'glorot_normal_std', label: 'Glorot normal: $\\sigma$', plausible: scale },
    { name: 'he_uniform_limit', label: 'He uniform: $a$', plausible: scale },
    { name: 'he_normal_std', label: 'He normal: $\\sigma$', plausible: scale },
  ],
  solve,
});
