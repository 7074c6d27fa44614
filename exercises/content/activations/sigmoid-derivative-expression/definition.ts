import { defineExercise } from '../../../src/definition';
import { sigmoidDerivative } from './reference';
import { variants } from './variants';

export default defineExercise({
  slug: 'sigmoid-derivative-expression',
  title: 'The derivative of the sigmoid, as a formula',
  topic: 'activations',
  order: 22,
  points: 2,
  summary: "σ′(z) written in terms of z (σ allowed): the notes' σ(z)(1 − σ(z)).",
  kind: 'numeric',
  variants,
  carriedCredit: 0,
  fields: [
    {
      kind: 'expression',
      name: 'dsigma_dz',
      label: "$\\sigma'(z) = \\dfrac{d\\sigma}{dz}$",
      variables: [{ name: 'z', min: -4, max: 4 }],
      functions: ['sigma', 'exp'],
      answer: 'sigma(z)*(1 - sigma(z))',
      reference: sigmoidDerivative,
      showDifference: true,
      mistakes: [
        { id: 'not-differentiated', expression: 'sigma(z)', message: 'That is σ(z) itself: differentiate it.' },
        { id: 'sign-flipped', expression: '-sigma(z)*(1 - sigma(z))', message: 'The sign is flipped: σ is increasing, so σ′(z) > 0.' },
        {
          id: 'denominator-not-squared',
          expression: 'exp(-z)/(1 + exp(-z))',
          message: 'The denominator must be squared: d/dz (1 + e^(−z))^(−1) = e^(−z)/(1 + e^(−z))².',
        },
        {
          id: 'missing-inner-derivative',
          expression: '-1/(1 + exp(-z))^2',
          message: 'The inner derivative is missing: d/dz (1 + e^(−z)) = −e^(−z).',
        },
      ],
    },
  ],
  // Only an expression field: there is no number to compute.
  solve: () => ({}),
});
