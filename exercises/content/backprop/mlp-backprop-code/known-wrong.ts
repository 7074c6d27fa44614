// A known-wrong student solution: gradient ascent direction (a − t swapped for t − a). Grader tests expect
// zero marks and the diagnosis 'sign-flipped'.
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

function derivative(z: number, a: number, activation: Activation): number {
  if (activation === 'sigmoid') return a * (1 - a);
  if (activation === 'tanh') return 1 - a * a;
  if (activation === 'relu') return z > 0 ? 1 : 0;
  return 1;
}

export function backprop(x: number[], target: number[], layers: Layer[]): { dW: number[][][]; db: number[][] } {
  const as: number[][] = [x];
  const zs: number[][] = [];
  for (const layer of layers) {
    const a = as[as.length - 1]!;
    const z = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, layer.b[i]!));
    zs.push(z);
    as.push(activate(z, layer.activation));
  }
  const L = layers.length;
  const last = layers[L - 1]!;
  let delta = as[L]!.map((a, k) =>
    last.activation === 'softmax' ? target[k]! - a : (target[k]! - a) * derivative(zs[L - 1]![k]!, a, last.activation),
  );
  const dW: number[][][] = [];
  const db: number[][] = [];
  for (let l = L - 1; l >= 0; l--) {
    const aPrev = as[l]!;
    dW[l] = delta.map((d) => aPrev.map((a) => d * a));
    db[l] = delta.slice();
    if (l > 0) {
      const W = layers[l]!.W;
      const below = layers[l - 1]!;
      delta = aPrev.map((a, j) => delta.reduce((s, d, i) => s + W[i]![j]! * d, 0) * derivative(zs[l - 1]![j]!, a, below.activation));
    }
  }
  return { dW, db };
}
