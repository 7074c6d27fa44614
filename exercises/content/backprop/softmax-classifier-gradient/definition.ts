import { defineExercise, type NumericField } from '../../../src/definition';
import { gradientFromOutputs, solve } from './reference';
import { variants, type SoftmaxClassifierParams } from './variants';

const probability = { min: 0, max: 1, open: true };
const outputs = ['y_1', 'y_2', 'y_3'];
const gradient = (which: 'w11' | 'w22' | 'w31' | 'b2', label: string): NumericField<SoftmaxClassifierParams> => ({
  name: `dL_d${which}`,
  label,
  plausible: { min: -10, max: 10 },
  derive: { from: outputs, compute: (p, u) => gradientFromOutputs(p, [u.y_1!, u.y_2!, u.y_3!], which) },
});

export default defineExercise({
  slug: 'softmax-classifier-gradient',
  title: 'The softmax classifier’s gradient',
  topic: 'backprop',
  order: 20,
  points: 3,
  summary: 'Outputs of a linear softmax classifier and ∂L/∂w_kj = x_j (y_k − t_k).',
  kind: 'numeric',
  variants,
  carriedCredit: 0.5,
  fields: [
    { name: 'y_1', label: '$y_1$', plausible: probability },
    { name: 'y_2', label: '$y_2$', plausible: probability },
    { name: 'y_3', label: '$y_3$', plausible: probability },
    gradient('w11', '$\\partial\\mathcal{L}/\\partial w_{11}$'),
    gradient('w22', '$\\partial\\mathcal{L}/\\partial w_{22}$'),
    gradient('w31', '$\\partial\\mathcal{L}/\\partial w_{31}$'),
    gradient('b2', '$\\partial\\mathcal{L}/\\partial b_{2}$'),
  ],
  solve,
});
