import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'xor-backprop-code',
  title: 'Learn XOR with hand-written backprop',
  topic: 'backprop',
  order: 70,
  points: 5,
  summary: 'Implement trainXor(net, lr, epochs): full-batch gradient descent with backprop on XOR.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [{ name: 'trainXor', signature: 'export function trainXor(net: XorNetwork, lr: number, epochs: number): XorTraining' }],
  typeDeclarations: `/** W1[i][j]: input j → hidden unit i (H×2); W2[0][i]: hidden unit i → output (1×H). */
type XorNetwork = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
/** losses[e]: J before update e; predictions: outputs for (0,0), (0,1), (1,0), (1,1) after training. */
type XorTraining = { losses: number[]; predictions: number[] };`,
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'sign-flipped',
});
