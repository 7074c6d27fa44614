/** The code the student starts from. `Activation` is declared for you (see the statement). */
export const starter = `// type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'softplus' | 'softmax'

export function activate(name: Activation, z: number[], alpha: number): { value: number[]; derivative: number[] } {
  // value[k] = h(z[k]); derivative[k] = h'(z[k]) (softmax: dy_k/dz_k). alpha is the leaky ReLU slope.
  return { value: [], derivative: [] };
}
`;
