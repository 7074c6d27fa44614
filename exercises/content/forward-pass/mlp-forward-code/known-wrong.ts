// A known-wrong student solution: leaves out the biases. Grader tests expect zero marks and the diagnosis
// 'bias-ignored' (every case has non-zero biases).
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
  for (const layer of layers) {
    const z = layer.W.map((row) => row.reduce((s, w, j) => s + w * a[j]!, 0));
    a = activate(z, layer.activation);
  }
  return a;
}
