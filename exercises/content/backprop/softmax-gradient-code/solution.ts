// A correct student solution (plain float64 TypeScript): full marks expected.
export function softmaxGradient(W: number[][], b: number[], X: number[][], labels: number[]): { dW: number[][]; db: number[] } {
  const K = W.length;
  const N = X.length;
  const B = labels.length;
  const dW = W.map((row) => row.map(() => 0));
  const db = b.map(() => 0);
  for (let s = 0; s < B; s++) {
    // Logits of example s (column s of X), then a numerically stable softmax.
    const a: number[] = [];
    for (let k = 0; k < K; k++) {
      let sum = b[k]!;
      for (let j = 0; j < N; j++) sum += W[k]![j]! * X[j]![s]!;
      a.push(sum);
    }
    const max = Math.max(...a);
    const e = a.map((v) => Math.exp(v - max));
    const total = e.reduce((sum, v) => sum + v, 0);
    for (let k = 0; k < K; k++) {
      const error = e[k]! / total - (k === labels[s] ? 1 : 0);
      db[k]! += error / B;
      for (let j = 0; j < N; j++) dW[k]![j]! += (X[j]![s]! * error) / B;
    }
  }
  return { dW, db };
}
