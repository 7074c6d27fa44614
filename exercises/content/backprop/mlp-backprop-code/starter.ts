/** The code the student starts from. `Layer` is declared for you (see the statement). */
export const starter = `// type Layer = { W: number[][]; b: number[]; activation: 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax' }

export function backprop(
  x: number[],
  target: number[],
  layers: Layer[],
): { dW: number[][][]; db: number[][] } {
  // 1. Forward pass: keep z(l) and a(l) of every layer.
  // 2. Output layer: delta = (a - t) * h'(z), or y - t after a softmax.
  // 3. Hidden layers: delta(l) = h'(z(l)) * (W(l+1)^T delta(l+1)).
  // 4. dW[l][i][j] = delta_i(l) * a_j(l-1), db[l][i] = delta_i(l).
  return { dW: [], db: [] };
}
`;
