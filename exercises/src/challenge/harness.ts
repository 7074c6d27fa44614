import { compileTraining, type CompileTf } from './compiledTraining';

/**
 * How a challenge's code is trained: the same function in the browser's Web Worker (the page) and in the grader's
 * sandbox (Verify), so a re-training runs exactly as the student's did, up to the backend. Browser-safe, tfjs passed
 * in, importing only its compiled training step: the grader bundles the two into the isolate with esbuild.
 */

/** The parts of tfjs the harness touches (tfjs itself satisfies it). */
export interface HarnessTf extends CompileTf {
  tensor2d(values: number[][] | Float32Array, shape?: [number, number], dtype?: 'float32'): HarnessTensor;
  tidy<T>(fn: () => T): T;
  dispose(tensors: unknown): void;
}
export interface HarnessTensor {
  shape: number[];
  dataSync(): ArrayLike<number>;
  dispose(): void;
}
interface HarnessModel {
  optimizer?: unknown;
  outputs: { shape: (number | null)[] }[];
  stopTraining: boolean;
  fit(x: unknown, y: unknown, config: Record<string, unknown>): Promise<unknown>;
  predict(x: unknown, config?: { batchSize?: number }): unknown;
}

export interface TrainingSettings {
  epochs: number;
  batchSize: number;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  accuracy: number;
}

export interface HarnessOptions {
  /** Math.random is this seeded generator while the model is built and trained (initialisers, shuffling). */
  seed: number;
  /** Train this many epochs instead of `training.epochs` (Verify: the recorded number). */
  epochs?: number;
  maxEpochs: number;
  /**
   * After each epoch; may be async (the page yields to its message loop there, to see a Stop). `model()` is the tfjs
   * model with this epoch's weights (compiled training writes them back only when asked).
   */
  onEpoch?: (report: EpochReport, model: () => unknown) => void | Promise<void>;
  /**
   * 'compiled' (the default): a plain stack of Dense layers with Adam or SGD trains in one fused loop per epoch (see
   * compiledTraining.ts), anything else with model.fit; 'tfjs': always model.fit, op by op on the tfjs backend.
   */
  engine?: 'compiled' | 'tfjs';
  /** Checked after each epoch: true stops training there (the model so far is kept). */
  shouldStop?: () => boolean;
}

export interface HarnessResult {
  model: unknown;
  epochs: number;
  /** Training accuracy after the last epoch (the harness's own count, the same way on every backend). */
  accuracy: number;
  loss: number;
  curve: EpochReport[];
  ms: number;
  /** How it was trained: 'compiled' with the network it compiled, or 'tfjs' with why it was not compiled. */
  engine: { kind: 'compiled' | 'tfjs'; note: string };
}

/** Refusals that are the student's (a wrong export, a bad setting): shown as they are. */
export class ChallengeCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChallengeCodeError';
  }
}

/** mulberry32, as the exercises' Rng: a uint32 of state. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The student's `training` export, checked. */
export function readTrainingSettings(student: Record<string, unknown>, maxEpochs: number): TrainingSettings {
  const training = student.training as Partial<TrainingSettings> | undefined;
  if (!training || typeof training !== 'object')
    throw new ChallengeCodeError('Your code must export const training = { epochs, batchSize }.');
  const { epochs, batchSize } = training;
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 1 || epochs > maxEpochs) {
    throw new ChallengeCodeError(`training.epochs must be a whole number from 1 to ${maxEpochs}; it is ${String(epochs)}.`);
  }
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new ChallengeCodeError(`training.batchSize must be a positive whole number; it is ${String(batchSize)}.`);
  }
  return { epochs, batchSize };
}

/** y as model.fit takes it: one column of 0/1 for a one-unit output, else one-hot rows (a label out of range: zeros). */
function targetsOf(y: number[], units: number): Float32Array {
  const targets = new Float32Array(y.length * units);
  y.forEach((label, i) => {
    if (units === 1) targets[i] = label;
    else if (Number.isInteger(label) && label >= 0 && label < units) targets[i * units + label] = 1;
  });
  return targets;
}

/** Predicted classes of a model's output (one unit: ≥ 0.5 is class 1; several: the largest). */
export function classesOf(output: ArrayLike<number>, units: number): number[] {
  const n = units === 1 ? output.length : output.length / units;
  const classes: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (units === 1) classes[i] = output[i]! >= 0.5 ? 1 : 0;
    else {
      let best = 0;
      for (let k = 1; k < units; k++) if (output[i * units + k]! > output[i * units + best]!) best = k;
      classes[i] = best;
    }
  }
  return classes;
}

/**
 * Builds the student's model with `createModel()` and trains it as model.fit would on (x, y): y as one column of 0/1
 * for a one-unit output, else one-hot rows; compiled where the model allows (options.engine), else by model.fit.
 * Accuracy is counted here after every epoch.
 */
export async function trainChallengeModel(
  /** tfjs (typed loosely: the harness uses the few functions of HarnessTf, and callers pass the real module). */
  tfModule: object,
  student: Record<string, unknown>,
  data: { x: number[][]; y: number[]; classes: number },
  options: HarnessOptions,
): Promise<HarnessResult> {
  const tf = tfModule as HarnessTf;
  const settings = readTrainingSettings(student, options.maxEpochs);
  const epochs = options.epochs ?? settings.epochs;
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > options.maxEpochs) {
    throw new ChallengeCodeError(`epochs must be a whole number from 1 to ${options.maxEpochs}; it is ${epochs}.`);
  }
  if (typeof student.createModel !== 'function') throw new ChallengeCodeError('Your code must export function createModel().');
  const started = Date.now();
  const random = Math.random;
  Math.random = seededRandom(options.seed);
  const curve: EpochReport[] = [];
  let xs: HarnessTensor | undefined;
  let ys: HarnessTensor | undefined;
  try {
    const model = (student.createModel as () => HarnessModel)();
    if (!model || typeof model.fit !== 'function' || !Array.isArray(model.outputs)) {
      throw new ChallengeCodeError('createModel() must return a tf.sequential() model.');
    }
    if (!model.optimizer)
      throw new ChallengeCodeError('createModel() must compile the model (model.compile({ optimizer, loss })) before returning it.');
    const units = model.outputs[0]?.shape[1];
    if (typeof units !== 'number') throw new ChallengeCodeError('The model has no output width.');
    const targets = targetsOf(data.y, units);
    const record = async (report: EpochReport, current: () => unknown) => {
      curve.push(report);
      if (options.onEpoch) await options.onEpoch(report, current);
      return options.shouldStop?.() ?? false;
    };
    const finish = (engine: HarnessResult['engine']): HarnessResult => {
      const last = curve[curve.length - 1];
      return {
        model,
        epochs: curve.length,
        accuracy: last?.accuracy ?? 0,
        loss: last?.loss ?? NaN,
        curve,
        ms: Date.now() - started,
        engine,
      };
    };
    const accuracyOf = (output: ArrayLike<number>) => {
      const predicted = classesOf(output, units);
      let right = 0;
      for (let i = 0; i < predicted.length; i++) if (predicted[i] === data.y[i]) right++;
      return right / data.y.length;
    };

    const compiled =
      options.engine === 'tfjs'
        ? { reason: 'the compiled step was turned off' }
        : compileTraining(tf, model, data.x, targets, settings.batchSize);
    if (!('reason' in compiled)) {
      for (let epoch = 1; epoch <= epochs; epoch++) {
        const loss = compiled.epoch();
        const accuracy = accuracyOf(compiled.predictTraining());
        if (await record({ epoch, loss, accuracy }, () => compiled.model())) break;
      }
      compiled.model();
      return finish({ kind: 'compiled', note: compiled.description });
    }

    const x = (xs = tf.tensor2d(data.x, [data.x.length, 2], 'float32'));
    ys = tf.tensor2d(targets, [data.y.length, units], 'float32');
    await model.fit(xs, ys, {
      epochs,
      batchSize: settings.batchSize,
      shuffle: true,
      verbose: 0,
      yieldEvery: 'never',
      callbacks: {
        onEpochEnd: async (epoch: number, logs?: Record<string, number>) => {
          // One batch: predict's default (32 rows) runs the network once per 32 rows and concatenates, which cost more
          // than the training step itself on a small set (221 kernels against ~25 for 300 points).
          const output = tf.tidy(() => (model.predict(x, { batchSize: data.x.length }) as HarnessTensor).dataSync());
          const report = { epoch: epoch + 1, loss: Number(logs?.loss ?? NaN), accuracy: accuracyOf(output) };
          if (await record(report, () => model)) model.stopTraining = true;
        },
      },
    });
    return finish({ kind: 'tfjs', note: compiled.reason });
  } finally {
    Math.random = random;
    xs?.dispose();
    ys?.dispose();
  }
}
