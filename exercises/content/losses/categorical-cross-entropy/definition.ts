import { defineExercise } from '../../../src/definition';
import { gradientFromOutputs, lossFromOutputs, solve } from './reference';
import { variants } from './variants';

const probability = { min: 0, max: 1, open: true };
const outputs = ['y_1', 'y_2', 'y_3'];
const ys = (u: Record<string, number>) => [u.y_1!, u.y_2!, u.y_3!];

export default defineExercise({
  slug: 'categorical-cross-entropy',
  title: 'Softmax and categorical cross-entropy',
  topic: 'losses',
  order: 30,
  points: 3,
  summary: 'Softmax outputs, the cross-entropy loss and its gradient y − t.',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'y_1', label: '$y_1$', plausible: probability },
    { name: 'y_2', label: '$y_2$', plausible: probability },
    { name: 'y_3', label: '$y_3$', plausible: probability },
    {
      name: 'loss',
      label: '$\\mathcal{L}$',
      plausible: { min: 0, max: 20 },
      derive: { from: outputs, compute: (p, u) => lossFromOutputs(p, ys(u)) },
    },
    ...[1, 2, 3].map((k) => ({
      name: `dL_da${k}`,
      label: `$\\partial \\mathcal{L} / \\partial a_${k}$`,
      plausible: { min: -1, max: 1 },
      derive: { from: outputs, compute: (p: typeof variants.canonical, u: Record<string, number>) => gradientFromOutputs(p, ys(u), k - 1) },
    })),
  ],
  solve,
});
