// A known-wrong student solution: sums instead of averaging (no 1/n). Grader tests expect zero marks and the
// diagnosis 'scaled-by-1-over-n'.
type LossName = 'mse' | 'mae' | 'bce' | 'cce';

export function loss(name: LossName, y: number[][], t: number[][]): number {
  if (name === 'cce') {
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      for (let k = 0; k < y[i]!.length; k++) total -= t[i]![k]! * Math.log(y[i]![k]!);
    }
    return total;
  }
  let total = 0;
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    for (let k = 0; k < y[i]!.length; k++) {
      const p = y[i]![k]!;
      const target = t[i]![k]!;
      if (name === 'mse') total += (p - target) ** 2;
      else if (name === 'mae') total += Math.abs(p - target);
      else total -= target * Math.log(p) + (1 - target) * Math.log(1 - p);
      count++;
    }
  }
  return total;
}
