/** The code the student starts from. `Layer` is declared for you (see the statement). */
export const starter = `// type Layer = { W: number[][]; b: number[]; activation: 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax' }
// W[i][j] is the weight from input j to neuron i.

export function forward(x: number[], layers: Layer[]): number[] {
  let a = x;
  for (const layer of layers) {
    // z = W·a + b, then apply layer.activation
  }
  return a;
}
`;
