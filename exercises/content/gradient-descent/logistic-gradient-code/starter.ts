/** The code the student starts from. */
export const starter = `// X: n features × m examples (one column per example), Y: m labels in {0, 1}, w: n weights, b: bias.
export function logisticGradient(X: number[][], Y: number[], w: number[], b: number): { dw: number[]; db: number } {
  // 1. A = sigmoid(w^T X + b), one activation per example
  // 2. dw = (A - Y) X^T, db = (A - Y) 1^T
  return { dw: [], db: 0 };
}
`;
