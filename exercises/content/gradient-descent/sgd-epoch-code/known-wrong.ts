// A known-wrong student solution: steps uphill (w + α∇J). Grader tests expect zero marks and the diagnosis
// 'sign-flipped'.
export function sgdEpoch(
  w: number[],
  b: number,
  X: number[][],
  y: number[],
  lr: number,
  batchSize: number,
): { w: number[]; b: number; losses: number[] } {
  const weights = w.slice();
  let bias = b;
  const losses: number[] = [];
  for (let start = 0; start < X.length; start += batchSize) {
    const end = Math.min(start + batchSize, X.length);
    const B = end - start;
    const gradW = weights.map(() => 0);
    let gradB = 0;
    let loss = 0;
    for (let i = start; i < end; i++) {
      const row = X[i]!;
      let prediction = bias;
      for (let j = 0; j < weights.length; j++) prediction += weights[j]! * row[j]!;
      const error = prediction - y[i]!;
      loss += (error * error) / B;
      for (let j = 0; j < weights.length; j++) gradW[j]! += (2 * error * row[j]!) / B;
      gradB += (2 * error) / B;
    }
    losses.push(loss);
    for (let j = 0; j < weights.length; j++) weights[j]! += lr * gradW[j]!;
    bias += lr * gradB;
  }
  return { w: weights, b: bias, losses };
}
