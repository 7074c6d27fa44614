// A correct student solution (plain float64 TypeScript): full marks expected.
type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'softplus' | 'softmax';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

export function activate(name: Activation, z: number[], alpha: number): { value: number[]; derivative: number[] } {
  if (name === 'softmax') {
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    const y = e.map((v) => v / sum);
    return { value: y, derivative: y.map((p) => p * (1 - p)) };
  }
  const value: number[] = [];
  const derivative: number[] = [];
  for (const v of z) {
    if (name === 'sigmoid') {
      const s = sigmoid(v);
      value.push(s);
      derivative.push(s * (1 - s));
    } else if (name === 'tanh') {
      // tanh(x) = 2σ(2x) − 1
      const t = 2 * sigmoid(2 * v) - 1;
      value.push(t);
      derivative.push(1 - t * t);
    } else if (name === 'relu') {
      value.push(v > 0 ? v : 0);
      derivative.push(v > 0 ? 1 : 0);
    } else if (name === 'leaky-relu') {
      value.push(v > 0 ? v : alpha * v);
      derivative.push(v > 0 ? 1 : alpha);
    } else {
      value.push(Math.log(1 + Math.exp(v)));
      derivative.push(sigmoid(v));
    }
  }
  return { value, derivative };
}
