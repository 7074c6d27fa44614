/** The code the student starts from. */
export const starter = `export function sgdEpoch(
  w: number[],
  b: number,
  X: number[][],
  y: number[],
  lr: number,
  batchSize: number,
): { w: number[]; b: number; losses: number[] } {
  const losses: number[] = [];
  // For each mini-batch of rows [start, start + batchSize) in order (the last one may be smaller):
  //   1. predictions y_hat = X_batch w + b, loss = mean (y_hat - y)^2 over the batch -> losses.push(loss)
  //   2. gradient of that batch loss with respect to w and b
  //   3. w = w - lr * dJ/dw, b = b - lr * dJ/db
  return { w, b, losses };
}
`;
