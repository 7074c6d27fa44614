import { createRng } from '../random';
import { shuffleDataset, type Dataset, type DatasetOptions } from './dataset';

/** Two interleaving half circles (as scikit-learn's make_moons), labels 0 (upper) and 1 (lower). */
export function moonsDataset({ n = 200, noise = 0.1, seed = 1 }: DatasetOptions = {}): Dataset {
  const rng = createRng(seed);
  const outer = Math.floor(n / 2);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const upper = i < outer;
    const count = upper ? outer : n - outer;
    const k = upper ? i : i - outer;
    const t = count > 1 ? (Math.PI * k) / (count - 1) : 0;
    const [px, py] = upper ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    x.push([px + noise * rng.normal(), py + noise * rng.normal()]);
    y.push(upper ? 0 : 1);
  }
  return shuffleDataset({ x, y, classes: 2 }, rng.next);
}

/** A small circle inside a large one (as make_circles): label 1 inside (radius `factor`), 0 outside (radius 1). */
export function circlesDataset({ n = 200, noise = 0.05, seed = 1, factor = 0.5 }: DatasetOptions & { factor?: number } = {}): Dataset {
  const rng = createRng(seed);
  const outer = Math.floor(n / 2);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const count = isOuter ? outer : n - outer;
    const k = isOuter ? i : i - outer;
    const t = (2 * Math.PI * k) / count;
    const r = isOuter ? 1 : factor;
    x.push([r * Math.cos(t) + noise * rng.normal(), r * Math.sin(t) + noise * rng.normal()]);
    y.push(isOuter ? 0 : 1);
  }
  return shuffleDataset({ x, y, classes: 2 }, rng.next);
}

/** `classes` interleaved spiral arms (the notes' 3-class problem; CS231n's construction), n points per class. */
export function spiralsDataset({ n = 100, noise = 0.2, seed = 1, classes = 3 }: DatasetOptions & { classes?: number } = {}): Dataset {
  const rng = createRng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < n; i++) {
      const r = n > 1 ? i / (n - 1) : 0;
      const t = c * 4 + (4 * i) / Math.max(1, n - 1) + noise * rng.normal();
      x.push([r * Math.sin(t), r * Math.cos(t)]);
      y.push(c);
    }
  }
  return shuffleDataset({ x, y, classes }, rng.next);
}

/**
 * XOR. Without noise (default n = 4): the four corners of the unit square in the order (0,0), (0,1), (1,0), (1,1)
 * with labels 0, 1, 1, 0. With n > 4: n noisy copies of the corners, shuffled.
 */
export function xorDataset({ n = 4, noise = 0, seed = 1 }: DatasetOptions = {}): Dataset {
  const corners = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const labels = [0, 1, 1, 0];
  if (n === 4 && noise === 0) return { x: corners.map((c) => [...c]), y: [...labels], classes: 2 };
  const rng = createRng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const corner = corners[i % 4]!;
    x.push([corner[0]! + noise * rng.normal(), corner[1]! + noise * rng.normal()]);
    y.push(labels[i % 4]!);
  }
  return shuffleDataset({ x, y, classes: 2 }, rng.next);
}

export type DatasetName = 'moons' | 'circles' | 'spirals' | 'xor';

export function generateDataset(name: DatasetName, options: DatasetOptions = {}): Dataset {
  switch (name) {
    case 'moons':
      return moonsDataset(options);
    case 'circles':
      return circlesDataset(options);
    case 'spirals':
      return spiralsDataset(options);
    case 'xor':
      return xorDataset(options);
  }
}
