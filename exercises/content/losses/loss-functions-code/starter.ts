/** The code the student starts from. */
export const starter = `// y: the network's outputs, t: the targets; one row per example.
export function loss(name: 'mse' | 'mae' | 'bce' | 'cce', y: number[][], t: number[][]): number {
  switch (name) {
    case 'mse': // mean of (t - y)^2 over every output of every example
    case 'mae': // mean of |t - y|
    case 'bce': // mean of -(t log y + (1 - t) log(1 - y))
    case 'cce': // mean over examples of -sum_k t_k log y_k
  }
  return 0;
}
`;
