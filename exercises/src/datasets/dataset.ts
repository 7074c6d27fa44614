/** A labelled 2-D classification dataset: x[i] = [x1, x2], y[i] ∈ {0, …, classes − 1}. Plain JSON. */
export interface Dataset {
  x: number[][];
  y: number[];
  classes: number;
}

export interface DatasetOptions {
  /** Number of points (spirals: points per class). */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. */
  noise?: number;
  seed?: number;
}

/** Shuffles points and labels together (Fisher–Yates on the given rng), so classes are interleaved. */
export function shuffleDataset(dataset: Dataset, next: () => number): Dataset {
  const order = dataset.y.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { x: order.map((i) => dataset.x[i]!), y: order.map((i) => dataset.y[i]!), classes: dataset.classes };
}

/** First `train` points for training, the rest for testing. */
export function splitDataset(dataset: Dataset, train: number): { train: Dataset; test: Dataset } {
  return {
    train: { x: dataset.x.slice(0, train), y: dataset.y.slice(0, train), classes: dataset.classes },
    test: { x: dataset.x.slice(train), y: dataset.y.slice(train), classes: dataset.classes },
  };
}
