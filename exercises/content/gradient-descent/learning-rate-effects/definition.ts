import { defineExercise, fixedVariants } from '../../../src/definition';

// The notes' Slido poll on the learning rate, with the notes' answer: small rates converge slowly (and can stall
// in a poor local minimum), large rates overshoot, oscillate and can diverge.
export default defineExercise({
  slug: 'learning-rate-effects',
  title: 'Too small or too large a learning rate',
  topic: 'gradient-descent',
  order: 40,
  points: 1,
  summary: 'What happens when the learning rate α is too small or too large.',
  kind: 'choice',
  variants: fixedVariants({}),
  mode: 'single',
  options: [
    {
      id: 'slow_vs_diverge',
      text: 'Too small: training converges very slowly and may get stuck in a poor local minimum. Too large: the updates overshoot the minimum, the loss oscillates and can diverge.',
      correct: true,
      explanation:
        'Right. Each step moves the weights by $\\alpha\\nabla J$: tiny steps need many epochs (and can settle in the first dip they reach), while steps larger than the valley overshoot it, so the loss bounces or grows.',
    },
    {
      id: 'small_overfits',
      text: 'Too small: the model overfits. Too large: the model underfits.',
      correct: false,
      explanation:
        'Over- and underfitting are about model capacity and how long you train, not the step size. A small $\\alpha$ mainly makes training slow; a large one makes it unstable.',
    },
    {
      id: 'large_is_faster_always',
      text: 'A larger learning rate always reaches a lower loss faster; the only cost of a large rate is numerical overflow.',
      correct: false,
      explanation:
        'Only up to a point: beyond the stable range each update overshoots, the loss oscillates or diverges long before any overflow.',
    },
    {
      id: 'no_effect',
      text: 'The learning rate only changes how many epochs training takes; every rate reaches the same minimum.',
      correct: false,
      explanation:
        'A rate that is too large may never converge at all, and a very small one can stop in a different (poor) local minimum: the rate changes where training ends, not just how fast.',
    },
    {
      id: 'small_diverges',
      text: 'Too small: the loss diverges. Too large: the loss decreases smoothly but slowly.',
      correct: false,
      explanation: 'This is the wrong way round: small rates are slow but smooth, large rates overshoot and can diverge.',
    },
  ],
});
