// A correct student solution (plain float64 TypeScript): full marks expected.
type XorNetwork = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
type XorTraining = { losses: number[]; predictions: number[] };

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const T = [0, 1, 1, 0];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function forward(net: XorNetwork, x: number[]): { h: number[]; y: number } {
  const h = net.W1.map((row, i) => sigmoid(row.reduce((s, w, j) => s + w * x[j]!, net.b1[i]!)));
  const y = sigmoid(net.W2[0]!.reduce((s, w, i) => s + w * h[i]!, net.b2[0]!));
  return { h, y };
}

export function trainXor(net: XorNetwork, lr: number, epochs: number): XorTraining {
  const w: XorNetwork = JSON.parse(JSON.stringify(net)) as XorNetwork;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad: XorNetwork = {
      W1: w.W1.map((row) => row.map(() => 0)),
      b1: w.b1.map(() => 0),
      W2: [w.W2[0]!.map(() => 0)],
      b2: [0],
    };
    let loss = 0;
    for (let n = 0; n < X.length; n++) {
      const { h, y } = forward(w, X[n]!);
      loss += (y - T[n]!) ** 2 / X.length;
      // δ at the output: ∂J/∂y · σ'(z) with J = mean (y − t)².
      const delta = ((2 * (y - T[n]!)) / X.length) * y * (1 - y);
      grad.b2[0]! += delta;
      for (let i = 0; i < h.length; i++) {
        grad.W2[0]![i]! += delta * h[i]!;
        const deltaHidden = delta * w.W2[0]![i]! * h[i]! * (1 - h[i]!);
        grad.b1[i]! += deltaHidden;
        for (let j = 0; j < 2; j++) grad.W1[i]![j]! += deltaHidden * X[n]![j]!;
      }
    }
    losses.push(loss);
    w.W1 = w.W1.map((row, i) => row.map((v, j) => v - lr * grad.W1[i]![j]!));
    w.b1 = w.b1.map((v, i) => v - lr * grad.b1[i]!);
    w.W2 = [w.W2[0]!.map((v, i) => v - lr * grad.W2[0]![i]!)];
    w.b2 = [w.b2[0]! - lr * grad.b2[0]!];
  }
  return { losses, predictions: X.map((x) => forward(w, x).y) };
}
