// A correct student solution (plain float64 TypeScript). The grader's tests expect full marks for it, and the
// exercises tests use it as the independent float64 implementation.
type Activation = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
type Layer = { W: number[][]; b: number[]; activation: Activation };

function activate(z: number[], activation: Activation): number[] {
  switch (activation) {
    case 'linear':
      return z;
    case 'sigmoid':
      return z.map((v) => 1 / (1 + Math.exp(-v)));
    case 'tanh':
      return z.map((v) => Math.tanh(v));
    case 'relu':
      return z.map((v) => Math.max(0, v));
    case 'softmax': {
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((s, v) => s + v, 0);
      return e.map((v) => v / sum);
    }
  }
}

export function forward(x: number[], layers: Layer[]): number[] {
  let a = x;
  for (const layer of layers) {
    const z = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, layer.b[i]!));
    a = activate(z, layer.activation);
  }
  return a;
}
