import { defineExercise, fixedVariants } from '../../../src/definition';
import { hidden, visible } from './cases';
import { mistakes } from './mistakes';
import { reference } from './reference';
import { starter } from './starter';

export default defineExercise({
  slug: 'gradient-descent-tf-code',
  title: 'Gradient descent with TensorFlow.js',
  topic: 'gradient-descent',
  order: 50,
  points: 4,
  summary: 'Implement train(X, y, net, lr, steps, loss) with tfjs: tf.variableGrads for the gradients, assign for the update.',
  kind: 'code',
  variants: fixedVariants({}),
  entries: [
    {
      name: 'train',
      signature:
        "export function train(X: number[][], y: number[], net: TwoLayerNet, lr: number, steps: number, loss: 'mse' | 'bce'): Training",
    },
  ],
  typeDeclarations: `/** W1[j][k]: input j → hidden unit k (d×H); b1: H; W2[k][0]: hidden unit k → output (H×1); b2: [b]. */
type TwoLayerNet = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
/** net: the parameters after the last step; losses[s]: J before step s. */
type Training = { net: TwoLayerNet; losses: number[] };`,
  usesTf: true,
  starter,
  reference,
  cases: { visible, hidden },
  mistakes,
  knownWrongMistake: 'bias-ignored',
});
