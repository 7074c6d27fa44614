import { defineExercise, fixedVariants } from '../../../src/definition';
import { layerTypeDeclaration } from '../../../src/networks';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'mlp-forward-code',
  title: 'Code the forward pass',
  topic: 'forward-pass',
  order: 30,
  points: 3,
  summary: 'Implement forward(x, layers) for any depth, width and activation.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [{ name: 'forward', signature: 'export function forward(x: number[], layers: Layer[]): number[]' }],
  typeDeclarations: layerTypeDeclaration,
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'bias-ignored',
});
