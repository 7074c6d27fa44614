/** The code the student starts from. `XorNetwork` and `XorTraining` are declared for you (see the statement). */
export const starter = `// type XorNetwork = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] }
// type XorTraining = { losses: number[]; predictions: number[] }

const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const T = [0, 1, 1, 0];

export function trainXor(net: XorNetwork, lr: number, epochs: number): XorTraining {
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // 1. Forward pass on all four points: h = sigmoid(W1 x + b1), y = sigmoid(W2 h + b2).
    // 2. losses.push(mean of (y - t)^2)
    // 3. Backward pass: accumulate dJ/dW1, dJ/db1, dJ/dW2, dJ/db2 over the four points.
    // 4. Update every parameter: p = p - lr * dJ/dp.
  }
  return { losses, predictions: [] };
}
`;
