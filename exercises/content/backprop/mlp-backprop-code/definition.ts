import { defineExercise, fixedVariants } from '../../../src/definition';
import { layerTypeDeclaration } from '../../../src/networks';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'mlp-backprop-code',
  title: 'Code backpropagation',
  topic: 'backprop',
  order: 40,
  points: 5,
  summary: 'Implement backprop(x, target, layers): ∂E/∂W and ∂E/∂b of every layer.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [
    {
      name: 'backprop',
      signature: 'export function backprop(x: number[], target: number[], layers: Layer[]): { dW: number[][][]; db: number[][] }',
    },
  ],
  typeDeclarations: layerTypeDeclaration,
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'sign-flipped',
});
