import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'activations-code',
  title: 'Code the activation functions and their derivatives',
  topic: 'activations',
  order: 50,
  points: 3,
  summary: 'Implement activate(name, z, alpha): sigmoid, tanh, ReLU, leaky ReLU, softplus, softmax and derivatives.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [
    {
      name: 'activate',
      signature: 'export function activate(name: Activation, z: number[], alpha: number): { value: number[]; derivative: number[] }',
    },
  ],
  typeDeclarations: "type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'softplus' | 'softmax';",
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'output-activation-not-applied',
});
