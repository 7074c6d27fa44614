// A correct student solution (plain float64 TypeScript): full marks expected.
export function logisticGradient(X: number[][], Y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const n = X.length;
  const m = Y.length;
  // A = σ(wᵀX + b): one activation per example (column of X).
  const A: number[] = [];
  for (let i = 0; i < m; i++) {
    let z = b;
    for (let j = 0; j < n; j++) z += w[j]! * X[j]![i]!;
    A.push(1 / (1 + Math.exp(-z)));
  }
  const dw = new Array<number>(n).fill(0);
  let db = 0;
  for (let i = 0; i < m; i++) {
    const error = A[i]! - Y[i]!;
    for (let j = 0; j < n; j++) dw[j]! += error * X[j]![i]!;
    db += error;
  }
  return { dw, db };
}
