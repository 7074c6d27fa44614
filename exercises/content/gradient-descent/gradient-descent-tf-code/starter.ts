/** The code the student starts from. `TwoLayerNet` and `Training` are declared for you (see the statement). */
export const starter = `import * as tf from '@tensorflow/tfjs';

// type TwoLayerNet = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] }
// type Training = { net: TwoLayerNet; losses: number[] }

export function train(X: number[][], y: number[], net: TwoLayerNet, lr: number, steps: number, loss: 'mse' | 'bce'): Training {
  const inputs = tf.tensor2d(X);
  const targets = tf.tensor2d(y, [y.length, 1]);
  const W1 = tf.variable(tf.tensor2d(net.W1));
  // … b1, W2, b2 as variables too

  const objective = (): tf.Scalar => {
    // pred = sigmoid(sigmoid(X W1 + b1) W2 + b2)
    // 'mse': mean((y - pred)^2)    'bce': -mean(y log(pred) + (1 - y) log(1 - pred))
    // (tf.mean returns a tf.Tensor: end with: as tf.Scalar)
    return tf.scalar(0);
  };

  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    // 1. { value, grads } = tf.variableGrads(objective, [W1, b1, W2, b2]); losses.push(the loss value)
    // 2. every weight: w.assign(w - lr * grads[w.name])
  }
  return { net: { W1: W1.arraySync() as number[][], b1: net.b1, W2: net.W2, b2: net.b2 }, losses };
}
`;
