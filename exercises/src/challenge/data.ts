import type { ChallengeExercise } from '../definition';
import { generateDataset, type Dataset } from '../datasets/index';

/** A challenge's points: the public training set and the hidden test set's two parts. Server side only. */
export interface ChallengeData {
  train: Dataset;
  /** Scored on the board from the first entry on. */
  publicTest: Dataset;
  /** Scored now, shown only after the deadline (Kaggle's private leaderboard). */
  privateTest: Dataset;
}

const cache = new Map<string, ChallengeData>();

function slice(dataset: Dataset, from: number, to: number): Dataset {
  return { x: dataset.x.slice(from, to), y: dataset.y.slice(from, to), classes: dataset.classes };
}

/**
 * Generates the challenge's points once from its seed (shuffled by the generator, so every part mixes the classes):
 * the first `train` for training, then `test` split in half, public then private. Cached per slug and dataset.
 */
export function challengeData(exercise: Pick<ChallengeExercise, 'slug' | 'dataset'>): ChallengeData {
  const { name, train, test, noise, seed } = exercise.dataset;
  const key = `${exercise.slug}:${name}:${train}:${test}:${noise}:${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const total = train + test;
  // spirals: n points per arm (3 arms); the others: n points in all
  const n = name === 'spirals' ? Math.ceil(total / 3) : total;
  const all = generateDataset(name, { n, noise, seed });
  const publicEnd = train + Math.floor(test / 2);
  const data = { train: slice(all, 0, train), publicTest: slice(all, train, publicEnd), privateTest: slice(all, publicEnd, total) };
  cache.set(key, data);
  return data;
}

/** The public training set as the API sends it. */
export function publicTrainingSet(exercise: Pick<ChallengeExercise, 'slug' | 'dataset'>): { x: number[][]; y: number[]; classes: number } {
  const { train } = challengeData(exercise);
  return { x: train.x, y: train.y, classes: train.classes };
}

/** The square the page draws the data in (and the server evaluates decision boundaries on): every point, plus a margin. */
export function challengeBounds(exercise: Pick<ChallengeExercise, 'slug' | 'dataset'>): {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
} {
  const { train } = challengeData(exercise);
  let xMin = Infinity,
    xMax = -Infinity,
    yMin = Infinity,
    yMax = -Infinity;
  for (const [a, b] of train.x) {
    xMin = Math.min(xMin, a!);
    xMax = Math.max(xMax, a!);
    yMin = Math.min(yMin, b!);
    yMax = Math.max(yMax, b!);
  }
  const pad = 0.15 * Math.max(xMax - xMin, yMax - yMin);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { xMin: round(xMin - pad), xMax: round(xMax + pad), yMin: round(yMin - pad), yMax: round(yMax + pad) };
}
