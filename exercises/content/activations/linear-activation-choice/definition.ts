import { defineExercise, fixedVariants } from '../../../src/definition';

export default defineExercise({
  slug: 'linear-activation-choice',
  title: 'Why non-linear activations?',
  topic: 'activations',
  order: 50,
  points: 1,
  summary: 'What a network of linear activations can and cannot compute.',
  kind: 'choice',
  mode: 'multiple',
  variants: fixedVariants({}),
  options: [
    {
      id: 'collapses',
      text: 'However many layers it has, a network with only linear activations computes a linear function of its input.',
      correct: true,
      explanation: "A composition of linear maps is linear: the layers collapse into one weight vector $w'$, as the derivation shows.",
    },
    {
      id: 'depth_helps',
      text: 'Adding hidden layers with linear activations lets the network separate the two moons.',
      correct: false,
      explanation: 'The decision boundary stays a straight line (a hyperplane): depth adds nothing without a non-linearity.',
    },
    {
      id: 'monotonic',
      text: 'A single neuron with a monotonically increasing activation computes a function that is monotonic in each input, so XOR needs a hidden layer.',
      correct: true,
      explanation: 'Its output increases in $x_i$ when $w_i > 0$ and decreases otherwise; XOR is not monotonic in either input.',
    },
    {
      id: 'relu_linear',
      text: 'ReLU is linear, so ReLU networks can only compute linear functions.',
      correct: false,
      explanation:
        'ReLU is piecewise linear and not linear: $\\max(0, z)$ bends at 0, and sums of such bends approximate any continuous function.',
    },
  ],
});
