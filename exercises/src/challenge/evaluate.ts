import * as tf from '@tensorflow/tfjs';
import { ensureSyncBackend, useReferenceBackend } from '../backend';
import type { ChallengeExercise } from '../definition';
import type { Dataset } from '../datasets/index';
import { challengeBounds, challengeData } from './data';
import type { ValidLayer, ValidModel } from './modelUpload';

/** Side of the decision-boundary grid the server evaluates each entry on (shown after the reveal). */
export const BOUNDARY_GRID = 48;

export interface ChallengeScores {
  trainScore: number;
  publicScore: number;
  privateScore: number;
  /** The predicted class on a BOUNDARY_GRID² grid over challengeBounds, row by row from the top, one digit per cell. */
  boundary: string;
}

function activate(x: tf.Tensor2D, activation: string): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'relu6':
      return tf.relu6(x);
    case 'elu':
      return tf.elu(x);
    case 'selu':
      return tf.selu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'hard_sigmoid':
      return tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1) as tf.Tensor2D;
    case 'tanh':
      return tf.tanh(x);
    case 'softplus':
      return tf.softplus(x);
    case 'softsign':
      return tf.div(x, tf.add(tf.abs(x), 1));
    case 'softmax':
      return tf.softmax(x);
    case 'swish':
      return tf.mul(x, tf.sigmoid(x));
    case 'mish':
      return tf.mul(x, tf.tanh(tf.softplus(x)));
    default:
      throw new Error(`unknown activation ${activation}`);
  }
}

let wasmReady: Promise<boolean> | undefined;

/**
 * Initialises tfjs's wasm backend for evaluation (once; the active backend stays as it was). On a 100k-parameter model
 * and 10k points wasm took 0.18 s where the cpu backend took 13 s (`npm run bench:challenge -w @deltalab/grader`), so
 * the grader evaluates there; without it (or if it fails to start) evaluation runs on the active backend.
 */
export function prepareEvaluationBackend(): Promise<boolean> {
  wasmReady ??= (async () => {
    ensureSyncBackend(); // a process that has not used tfjs yet has no backend to come back to
    const previous = tf.getBackend();
    try {
      await useReferenceBackend('wasm');
      wasmUsable = true;
      return true;
    } catch (error) {
      console.error(
        `challenge evaluation stays on ${previous}: the wasm backend failed (${error instanceof Error ? error.message : String(error)})`,
      );
      return false;
    } finally {
      await tf.setBackend(previous);
    }
  })();
  return wasmReady;
}

let wasmUsable = false;

/** Runs `fn` on wasm when it is ready (switching is synchronous once a backend is initialised), else as it is. */
function onEvaluationBackend<T>(fn: () => T): T {
  const previous = tf.getBackend();
  if (!wasmUsable || previous === 'wasm') return fn();
  void tf.setBackend('wasm'); // synchronous for an initialised backend; checked by what runs below either way
  try {
    return fn();
  } finally {
    void tf.setBackend(previous);
  }
}

/**
 * The model's forward pass at inference with tfjs ops (Dense: activation(x·W + b); Dropout: identity), from the
 * validated layer list: no tfjs deserialisation of what the student sent, and nothing of theirs runs.
 */
export function predictClasses(model: ValidModel, x: number[][]): Int32Array {
  ensureSyncBackend();
  return onEvaluationBackend(() =>
    tf.tidy(() => {
      let h: tf.Tensor2D = tf.tensor2d(x, [x.length, 2], 'float32');
      for (const layer of model.layers) h = applyLayer(h, layer);
      const classes = h.shape[1] === 1 ? tf.cast(tf.greaterEqual(h.reshape([-1]), 0.5), 'int32') : tf.argMax(h, 1);
      return classes.dataSync() as Int32Array;
    }),
  );
}

function applyLayer(h: tf.Tensor2D, layer: ValidLayer): tf.Tensor2D {
  if (layer.type === 'Dropout') return h;
  let z: tf.Tensor2D = tf.matMul(h, tf.tensor2d(layer.kernel, [layer.inputs, layer.units]));
  if (layer.bias) z = tf.add(z, tf.tensor1d(layer.bias)) as tf.Tensor2D;
  return activate(z, layer.activation);
}

export function accuracy(predicted: Int32Array, dataset: Dataset): number {
  let right = 0;
  for (let i = 0; i < dataset.y.length; i++) if (predicted[i] === dataset.y[i]) right++;
  return dataset.y.length === 0 ? 0 : right / dataset.y.length;
}

/** The grid points of the decision boundary, row by row from the top (y max) down. */
export function boundaryGrid(bounds: { xMin: number; xMax: number; yMin: number; yMax: number }, size = BOUNDARY_GRID): number[][] {
  const points: number[][] = [];
  for (let row = 0; row < size; row++) {
    const y = bounds.yMax - ((row + 0.5) / size) * (bounds.yMax - bounds.yMin);
    for (let col = 0; col < size; col++) points.push([bounds.xMin + ((col + 0.5) / size) * (bounds.xMax - bounds.xMin), y]);
  }
  return points;
}

/**
 * Scores a validated model on the challenge's training set and both parts of its hidden test set, in one forward
 * pass over all of them, and evaluates its decision boundary on a grid.
 */
export function evaluateChallengeModel(exercise: Pick<ChallengeExercise, 'slug' | 'dataset'>, model: ValidModel): ChallengeScores {
  const data = challengeData(exercise);
  const grid = boundaryGrid(challengeBounds(exercise));
  const all = [...data.train.x, ...data.publicTest.x, ...data.privateTest.x, ...grid];
  const predicted = predictClasses(model, all);
  let at = 0;
  const part = (n: number) => predicted.subarray(at, (at += n));
  const trainScore = accuracy(part(data.train.y.length), data.train);
  const publicScore = accuracy(part(data.publicTest.y.length), data.publicTest);
  const privateScore = accuracy(part(data.privateTest.y.length), data.privateTest);
  const boundary = Array.from(part(grid.length), (c) => String(Math.min(9, c))).join('');
  return { trainScore, publicScore, privateScore, boundary };
}

/** Exercise credit (0..1) for a public score: the best `credit` whose `atLeast` it reaches. Rank never enters. */
export function challengeCredit(exercise: Pick<ChallengeExercise, 'credit'>, publicScore: number): number {
  return exercise.credit.reduce((best, step) => (publicScore >= step.atLeast ? Math.max(best, step.credit) : best), 0);
}
