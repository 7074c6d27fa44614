// A known-wrong student solution: returns z unchanged (the activation is never applied). Grader tests expect zero
// marks and the diagnosis 'output-activation-not-applied'.
type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'softplus' | 'softmax';

export function activate(_name: Activation, z: number[], _alpha: number): { value: number[]; derivative: number[] } {
  return { value: z.slice(), derivative: z.map(() => 1) };
}
