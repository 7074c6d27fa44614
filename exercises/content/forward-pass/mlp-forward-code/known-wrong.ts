// A known-wrong student solution: forgets the activation of the output layer. Grader tests expect zero marks
// and the diagnosis 'output-activation-not-applied'.
type Activation = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
type Layer = { W: number[][]; b: number[]; activation: Activation };

function activate(z: number[], activation: Activation): number[] {
  if (activation === 'sigmoid') return z.map((v) => 1 / (1 + Math.exp(-v)));
  if (activation === 'tanh') return z.map((v) => Math.tanh(v));
  if (activation === 'relu') return z.map((v) => Math.max(0, v));
  if (activation === 'softmax') {
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  }
  return z;
}

export function forward(x: number[], layers: Layer[]): number[] {
  let a = x;
  layers.forEach((layer, l) => {
    const z = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, layer.b[i]!));
    a = l === layers.length - 1 ? z : activate(z, layer.activation);
  });
  return a;
}
