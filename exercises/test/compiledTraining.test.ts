import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTraining } from '../src/challenge/compiledTraining';
import { seededRandom, trainChallengeModel } from '../src/challenge/harness';
import { challengeData, loadExercises, useReferenceBackend, type Exercise } from '../src/index';

// The compiled training step against tfjs's own model.fit: the same model (built from the same seed), trained the
// same number of epochs, must end with the same weights and log the same losses, to float32 rounding.

beforeAll(async () => {
  await useReferenceBackend('cpu');
});

type Challenge = Extract<Exercise, { kind: 'challenge' }>;
const challenge = (slug: string) => loadExercises().find((e): e is Challenge => e.slug === slug)!;

interface Case {
  name: string;
  slug: string;
  batchSize: number;
  build(): tf.Sequential;
}

const dense = (config: Parameters<typeof tf.layers.dense>[0]) => tf.layers.dense(config);
const cases: Case[] = [
  {
    name: 'the starter (tanh, tanh, sigmoid; Adam; binary cross-entropy), full batch',
    slug: 'moons-challenge',
    batchSize: 300,
    build() {
      const m = tf.sequential();
      m.add(dense({ units: 4, inputShape: [2], activation: 'tanh' }));
      m.add(dense({ units: 2, activation: 'tanh' }));
      m.add(dense({ units: 1, activation: 'sigmoid' }));
      m.compile({ optimizer: tf.train.adam(0.05, 0.9, 0.999, 1e-7), loss: 'binaryCrossentropy' });
      return m;
    },
  },
  {
    name: 'the starter in shuffled batches of 32 (the last one short)',
    slug: 'moons-challenge',
    batchSize: 32,
    build: () => cases[0]!.build(),
  },
  {
    name: 'relu, elu, softmax with L2 on the kernels; Adam; categorical cross-entropy on 3 classes',
    slug: 'spirals-challenge',
    batchSize: 64,
    build() {
      const m = tf.sequential();
      m.add(dense({ units: 16, inputShape: [2], activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }) }));
      m.add(dense({ units: 8, activation: 'elu', kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }) }));
      m.add(dense({ units: 3, activation: 'softmax' }));
      m.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
      return m;
    },
  },
  {
    name: 'sigmoid, linear without bias, L1 + L2 on the bias; SGD; mean squared error',
    slug: 'circles-challenge',
    batchSize: 50,
    build() {
      const m = tf.sequential();
      m.add(dense({ units: 6, inputShape: [2], activation: 'sigmoid', biasRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.01 }) }));
      m.add(dense({ units: 1, activation: 'linear', useBias: false }));
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'meanSquaredError' });
      return m;
    },
  },
];

/** y as the harness gives model.fit: one column of 0/1 for one output unit, else one-hot rows. */
function targetsOf(y: number[], units: number): Float32Array {
  const t = new Float32Array(y.length * units);
  y.forEach((v, i) => (units === 1 ? (t[i] = v) : (t[i * units + v] = 1)));
  return t;
}

/** Runs fn with Math.random seeded, as the harness does while building and training. */
function seeded<T>(seed: number, fn: () => T): T {
  const random = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = random;
  }
}

describe('compiled training computes what model.fit computes', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { train } = challengeData(challenge(c.slug));
      const epochs = 15;
      const units = c.build().outputs[0]!.shape[1]!;
      const targets = targetsOf(train.y, units);

      const random = Math.random;
      Math.random = seededRandom(11);
      const reference = c.build();
      const xs = tf.tensor2d(train.x);
      const ys = tf.tensor2d(targets, [train.y.length, units]);
      const fitLosses: number[] = [];
      try {
        await reference.fit(xs, ys, {
          epochs,
          batchSize: c.batchSize,
          shuffle: true,
          verbose: 0,
          callbacks: { onEpochEnd: async (_epoch, logs) => void fitLosses.push(logs!.loss as number) },
        });
      } finally {
        Math.random = random;
        tf.dispose([xs, ys]);
      }

      const compiled = seeded(11, () => {
        const step = compileTraining(tf, c.build(), train.x, targets, c.batchSize);
        if ('reason' in step) throw new Error(step.reason);
        return { step, losses: Array.from({ length: epochs }, () => step.epoch()) };
      });
      const model = compiled.step.model() as tf.LayersModel;
      const ours = model.getWeights().map((w) => Array.from(w.dataSync()));
      const theirs = reference.getWeights().map((w) => Array.from(w.dataSync()));
      // Changing anything (one epoch more, another batch order, the loss without its regulariser) moves these by ≥ 1e-3.
      ours
        .flat()
        .forEach((w, i) => expect(Math.abs(w - theirs.flat()[i]!), `weight ${i} (${w})`).toBeLessThan(2e-5 * Math.max(1, Math.abs(w))));
      compiled.losses.forEach((loss, i) => expect(Math.abs(loss - fitLosses[i]!) / fitLosses[i]!, `loss ${i}`).toBeLessThan(2e-5));
      // predictTraining is the model's own forward pass
      const predicted = tf.tidy(() => (model.predict(tf.tensor2d(train.x)) as tf.Tensor).dataSync());
      const fused = compiled.step.predictTraining();
      predicted.forEach((p, i) => expect(Math.abs(p - fused[i]!)).toBeLessThan(1e-5));
    });
  }

  it('differs from model.fit when the training differs (the comparison above can fail)', async () => {
    const { train } = challengeData(challenge('moons-challenge'));
    const targets = targetsOf(train.y, 1);
    const weightsAfter = (epochs: number) =>
      seeded(11, () => {
        const step = compileTraining(tf, cases[0]!.build(), train.x, targets, 300);
        if ('reason' in step) throw new Error(step.reason);
        for (let e = 0; e < epochs; e++) step.epoch();
        return (step.model() as tf.LayersModel).getWeights().flatMap((w) => Array.from(w.dataSync()));
      });
    const a = weightsAfter(15);
    const b = weightsAfter(16);
    expect(Math.max(...a.map((w, i) => Math.abs(w - b[i]!)))).toBeGreaterThan(1e-3);
  });
});

describe('what is not compiled, and why', () => {
  const { train } = challengeData(challenge('moons-challenge'));
  const targets = targetsOf(train.y, 1);
  const reasonFor = (build: () => tf.LayersModel) => {
    const step = compileTraining(tf, build(), train.x, targets, 300);
    return 'reason' in step ? step.reason : 'compiled';
  };
  const stack = (layers: tf.layers.Layer[], compile: tf.ModelCompileArgs) => () => {
    const m = tf.sequential({ layers });
    m.compile(compile);
    return m;
  };
  const adam = { optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' };

  it.each([
    [
      'a Dropout layer',
      () =>
        stack(
          [
            dense({ units: 4, inputShape: [2], activation: 'tanh' }),
            tf.layers.dropout({ rate: 0.2 }),
            dense({ units: 1, activation: 'sigmoid' }),
          ],
          adam,
        )(),
      'layer 2 is Dropout, not Dense',
    ],
    [
      'another activation',
      () => stack([dense({ units: 4, inputShape: [2], activation: 'selu' }), dense({ units: 1, activation: 'sigmoid' })], adam)(),
      'the activation selu is not compiled',
    ],
    [
      'softmax inside the network',
      () => stack([dense({ units: 4, inputShape: [2], activation: 'softmax' }), dense({ units: 1, activation: 'sigmoid' })], adam)(),
      'softmax is compiled on the output layer only',
    ],
    [
      'another optimizer',
      () =>
        stack([dense({ units: 1, inputShape: [2], activation: 'sigmoid' })], {
          optimizer: tf.train.rmsprop(0.01),
          loss: 'binaryCrossentropy',
        })(),
      'the optimizer RMSProp is not compiled (Adam and SGD are)',
    ],
    [
      'a loss function of its own',
      () =>
        stack([dense({ units: 1, inputShape: [2], activation: 'sigmoid' })], {
          optimizer: tf.train.adam(0.01),
          loss: (a: tf.Tensor, b: tf.Tensor) => tf.losses.absoluteDifference(a, b),
        })(),
      'the loss given as a function is not compiled',
    ],
    [
      'a kernel constraint',
      () =>
        stack(
          [dense({ units: 1, inputShape: [2], activation: 'sigmoid', kernelConstraint: tf.constraints.maxNorm({ maxValue: 2 }) })],
          adam,
        )(),
      'weight constraints are not compiled',
    ],
    [
      'a frozen layer',
      () =>
        stack(
          [dense({ units: 4, inputShape: [2], activation: 'tanh', trainable: false }), dense({ units: 1, activation: 'sigmoid' })],
          adam,
        )(),
      'layer 1 is frozen',
    ],
    [
      'a network large enough for tfjs to be faster',
      () =>
        stack(
          [
            dense({ units: 128, inputShape: [2], activation: 'tanh' }),
            dense({ units: 128, activation: 'tanh' }),
            dense({ units: 1, activation: 'sigmoid' }),
          ],
          adam,
        )(),
      "the network is large (5.0M multiply-adds a pass over the data), where tfjs's kernels are faster",
    ],
    [
      'a functional model',
      () => {
        const input = tf.input({ shape: [2] });
        const m = tf.model({ inputs: input, outputs: dense({ units: 1, activation: 'sigmoid' }).apply(input) as tf.SymbolicTensor });
        m.compile(adam);
        return m;
      },
      'only tf.sequential() models are compiled',
    ],
  ])('%s', (_name, build, reason) => {
    expect(reasonFor(build)).toBe(reason);
  });

  it('the harness trains those with model.fit and says why', async () => {
    const student = {
      createModel: stack(
        [
          dense({ units: 4, inputShape: [2], activation: 'tanh' }),
          tf.layers.dropout({ rate: 0.1 }),
          dense({ units: 1, activation: 'sigmoid' }),
        ],
        adam,
      ),
      training: { epochs: 3, batchSize: 300 },
    };
    const result = await trainChallengeModel(tf, student, train, { seed: 1, maxEpochs: 100 });
    expect(result.engine).toEqual({ kind: 'tfjs', note: 'layer 2 is Dropout, not Dense' });
    expect(result.epochs).toBe(3);
  });
});

describe('the harness with the compiled step', () => {
  const starter = (epochs: number) => ({ createModel: cases[0]!.build, training: { epochs, batchSize: 300 } });

  it('trains the starter to ≥ 99 % as model.fit does, with the same curve to float32 rounding', async () => {
    const { train } = challengeData(challenge('moons-challenge'));
    const compiled = await trainChallengeModel(tf, starter(300), train, { seed: 7, maxEpochs: 2000 });
    const fit = await trainChallengeModel(tf, starter(300), train, { seed: 7, maxEpochs: 2000, engine: 'tfjs' });
    expect(compiled.engine).toEqual({ kind: 'compiled', note: '2-4-2-1 tanh, tanh, sigmoid; Adam; binaryCrossentropy' });
    expect(fit.engine.kind).toBe('tfjs');
    expect(compiled.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(compiled.curve).toHaveLength(300);
    // 300 epochs of float32 rounding in another order: the curves stay within a few parts in a thousand
    compiled.curve.forEach((point, i) => expect(Math.abs(point.loss - fit.curve[i]!.loss), `epoch ${i + 1}`).toBeLessThan(5e-3));
    const first99 = (r: typeof fit) => r.curve.findIndex((p) => p.accuracy >= 0.99);
    expect(Math.abs(first99(compiled) - first99(fit))).toBeLessThanOrEqual(3);
  });

  it('gives three classes one-hot targets on both engines, and both train alike', async () => {
    const { train } = challengeData(challenge('spirals-challenge'));
    const student = { createModel: cases[2]!.build, training: { epochs: 5, batchSize: 64 } };
    const compiled = await trainChallengeModel(tf, student, train, { seed: 2, maxEpochs: 100 });
    const fit = await trainChallengeModel(tf, student, train, { seed: 2, maxEpochs: 100, engine: 'tfjs' });
    expect(compiled.engine.kind).toBe('compiled');
    expect(fit.engine.kind).toBe('tfjs');
    compiled.curve.forEach((point, i) => {
      expect(Math.abs(point.loss - fit.curve[i]!.loss), `loss, epoch ${i + 1}`).toBeLessThan(1e-4);
      expect(point.accuracy, `accuracy, epoch ${i + 1}`).toBe(fit.curve[i]!.accuracy);
    });
  });

  it('is reproducible: the same seed gives the same weights', async () => {
    const { train } = challengeData(challenge('moons-challenge'));
    const weights = async () =>
      ((await trainChallengeModel(tf, starter(40), train, { seed: 3, maxEpochs: 2000 })).model as tf.LayersModel)
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
    expect(await weights()).toEqual(await weights());
  });
});
