/** The code the student starts from. */
export const starter = `// W: K × N weights, b: K biases, X: N × B inputs (column s is example s), labels: B class indices.
export function softmaxGradient(W: number[][], b: number[], X: number[][], labels: number[]): { dW: number[][]; db: number[] } {
  // For every example s: logits a = W x(s) + b, y = softmax(a), t = one-hot(labels[s]).
  // dW[k][j] = (1/B) * sum over s of x_j(s) * (y_k(s) - t_k(s)); db[k] = (1/B) * sum over s of (y_k(s) - t_k(s)).
  return { dW: [], db: [] };
}
`;
