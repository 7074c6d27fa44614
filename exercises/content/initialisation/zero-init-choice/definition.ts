import { defineExercise, fixedVariants } from '../../../src/definition';

// The notes' "Can we set weights to zero?" slides: zero weights get stuck / never break symmetry; biases may be
// zero; random initialisation breaks symmetry. symmetric-init-gradients works the numbers out.
export default defineExercise({
  slug: 'zero-init-choice',
  title: 'Can we set the weights to zero?',
  topic: 'initialisation',
  order: 10,
  points: 1,
  summary: 'What zero (or constant) initialisation does to a network’s hidden units.',
  kind: 'choice',
  variants: fixedVariants({}),
  mode: 'multiple',
  options: [
    {
      id: 'same_units',
      text: 'Every hidden unit computes the same activation and receives the same gradient, so the hidden units stay identical after every update.',
      correct: true,
      explanation:
        'True. With identical incoming weights, identical units see identical inputs and identical error signals: gradient descent updates them identically, so the layer behaves like a single unit (the symmetry problem).',
    },
    {
      id: 'hidden_weights_stuck',
      text: 'In the first step the input-to-hidden weights get a zero gradient, because every gradient reaching them is multiplied by an outgoing weight that is $0$.',
      correct: true,
      explanation:
        "True. $\\partial E/\\partial w_{ij} = \\delta_i\\, x_j$ with $\\delta_i = h'(z_i)\\sum_k v_{ki}\\delta_k$, and every $v_{ki} = 0$. Only the output weights move at first, and they all move by the same amount.",
    },
    {
      id: 'biases_zero_ok',
      text: 'Initialising the biases to zero is fine, as long as the weights are random.',
      correct: true,
      explanation: 'True, and common (the notes: `B = np.zeros(…)`): random weights already break the symmetry.',
    },
    {
      id: 'first_step_breaks',
      text: 'It does not matter: the first gradient step makes the weights different from each other.',
      correct: false,
      explanation:
        'False. The first step changes the weights, but by the same amount for every hidden unit, so they remain equal to each other forever.',
    },
    {
      id: 'scale_fixes',
      text: 'Multiplying the zero weights by $0.01$ (as in `np.random.randn(…) * 0.01`) fixes the problem.',
      correct: false,
      explanation:
        'False. $0 \\times 0.01 = 0$. What fixes it is the *random* draw; the factor $0.01$ only keeps $z$ small so sigmoid/tanh do not saturate.',
    },
  ],
});
