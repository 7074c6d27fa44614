import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  challengeCredit,
  challengeData,
  checkModelUpload,
  evaluateChallengeModel,
  instantiateVariant,
  loadExercises,
  predictClasses,
  publicTrainingSet,
  trainChallengeModel,
  useReferenceBackend,
  type Exercise,
} from '../src/index';

type Challenge = Extract<Exercise, { kind: 'challenge' }>;
const challenges = loadExercises().filter((e): e is Challenge => e.kind === 'challenge');
const bySlug = (slug: string) => challenges.find((c) => c.slug === slug)!;

beforeAll(async () => {
  await useReferenceBackend('cpu');
});

/** The moons starter as a module object (the same model and settings as starter.ts). */
function moonsStarter(epochs = 300) {
  return {
    createModel() {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 4, inputShape: [2], activation: 'tanh' }));
      model.add(tf.layers.dense({ units: 2, activation: 'tanh' }));
      model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
      model.compile({ optimizer: tf.train.adam(0.05, 0.9, 0.999, 1e-7), loss: 'binaryCrossentropy' });
      return model;
    },
    training: { epochs, batchSize: 300 },
  };
}

async function upload(model: tf.LayersModel) {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(
      async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' as const } }),
    ),
  );
  const bytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(saved!.weightData!));
  return {
    modelTopology: saved!.modelTopology as Record<string, unknown>,
    weightSpecs: saved!.weightSpecs!,
    weightData: Buffer.from(bytes).toString('base64'),
  };
}

const moons = () => bySlug('moons-challenge');
const rules = (c: Challenge) => ({ model: c.model, classes: challengeData(c).train.classes });

describe('challenges', () => {
  it('there are the three of the notes: moons, circles, spirals', () => {
    expect(challenges.map((c) => c.slug)).toEqual(['moons-challenge', 'circles-challenge', 'spirals-challenge']);
  });

  it('splits the points into a training set and a hidden test set of a public and a private half, disjoint', () => {
    for (const c of challenges) {
      const data = challengeData(c);
      expect(data.train.y).toHaveLength(c.dataset.train);
      expect(data.publicTest.y.length + data.privateTest.y.length).toBe(c.dataset.test);
      const key = (p: number[]) => p.join(',');
      const train = new Set(data.train.x.map(key));
      expect([...data.publicTest.x, ...data.privateTest.x].some((p) => train.has(key(p)))).toBe(false);
      // every class is in every part
      for (const part of [data.train, data.publicTest, data.privateTest]) expect(new Set(part.y).size).toBe(data.train.classes);
    }
  });

  it("the student view and the public training set hold no test point and not the dataset's seed", () => {
    for (const c of challenges) {
      const data = challengeData(c);
      const sent = JSON.stringify([instantiateVariant(c, 'canonical'), publicTrainingSet(c)]);
      expect(sent).not.toContain(String(c.dataset.seed));
      for (const point of [...data.publicTest.x.slice(0, 50), ...data.privateTest.x.slice(0, 50)])
        expect(sent).not.toContain(JSON.stringify(point));
    }
  });

  it("baselines reproduce the notes: a linear model far below, the notes' network at ~100 %", () => {
    const floors: Record<string, number> = { 'moons-challenge': 0.97, 'circles-challenge': 0.97, 'spirals-challenge': 0.97 };
    for (const c of challenges) {
      const [linear, network] = c.baselines.map((b) => {
        const check = checkModelUpload(b.model, rules(c));
        if (!check.ok) throw new Error(`${c.slug} ${b.name}: ${check.message}`);
        return evaluateChallengeModel(c, check.model);
      });
      expect(linear!.publicScore, `${c.slug} linear`).toBeLessThan(0.9);
      expect(network!.publicScore, `${c.slug} network public`).toBeGreaterThanOrEqual(floors[c.slug]!);
      expect(network!.privateScore, `${c.slug} network private`).toBeGreaterThanOrEqual(floors[c.slug]!);
    }
  });

  it('credit comes from the public score by threshold, never from rank', () => {
    expect(challengeCredit(moons(), 0.99)).toBe(1);
    expect(challengeCredit(moons(), 0.95)).toBe(1);
    expect(challengeCredit(moons(), 0.92)).toBe(0.5);
    expect(challengeCredit(moons(), 0.5)).toBe(0);
  });
});

describe('training with the harness', () => {
  it('the starter reaches 99 % training accuracy on moons, the same weights for the same seed', async () => {
    const { train } = challengeData(moons());
    const first = await trainChallengeModel(tf, moonsStarter(), train, { seed: 7, maxEpochs: 2000 });
    const again = await trainChallengeModel(tf, moonsStarter(), train, { seed: 7, maxEpochs: 2000 });
    expect(first.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(first.curve).toHaveLength(300);
    const weights = (r: typeof first) => (r.model as tf.LayersModel).getWeights().map((w) => Array.from(w.dataSync()));
    expect(weights(again)).toEqual(weights(first));
    const other = await trainChallengeModel(tf, moonsStarter(), train, { seed: 8, maxEpochs: 2000, epochs: 5 });
    expect(other.epochs).toBe(5);
  });

  it("counts each epoch's accuracy as the model's own predictions on the training set say", async () => {
    const { train } = challengeData(moons());
    const xs = tf.tensor2d(train.x);
    const counted: number[] = [];
    const result = await trainChallengeModel(tf, moonsStarter(12), train, {
      seed: 4,
      maxEpochs: 2000,
      onEpoch: (_, model) => {
        // tfjs's predict on the model as it stands (compiled training writes its weights back for this)
        const p = tf.tidy(() => ((model() as tf.LayersModel).predict(xs) as tf.Tensor).dataSync());
        counted.push(train.y.filter((label, i) => (p[i]! >= 0.5 ? 1 : 0) === label).length / train.y.length);
      },
    });
    xs.dispose();
    expect(result.curve.map((point) => point.accuracy)).toEqual(counted);
    expect(result.accuracy).toBe(counted[11]);
    expect(new Set(counted).size).toBeGreaterThan(1);
  });

  it('op by op, adds one forward pass an epoch to model.fit, in one batch', async () => {
    const { train } = challengeData(moons());
    const xs = tf.tensor2d(train.x);
    const ys = tf.tensor2d(train.y.map((v) => [v]));
    const kernels = async (run: () => Promise<unknown>) =>
      (
        await tf.profile(async () => {
          await run();
        })
      ).kernels.length;
    const model = moonsStarter().createModel();
    const forward = await kernels(async () => tf.tidy(() => (model.predict(xs, { batchSize: xs.shape[0] }) as tf.Tensor).dataSync()));
    const epochs = 4;
    const fit = await kernels(() =>
      moonsStarter()
        .createModel()
        .fit(xs, ys, { epochs, batchSize: 300, shuffle: true, verbose: 0, callbacks: { onEpochEnd: async () => {} } }),
    );
    const harness = await kernels(() => trainChallengeModel(tf, moonsStarter(epochs), train, { seed: 1, maxEpochs: 2000, engine: 'tfjs' }));
    tf.dispose([xs, ys]);
    // predict's default batches of 32 rows cost ~220 kernels an epoch here, more than the training step (~260)
    expect((harness - fit) / epochs).toBeLessThanOrEqual(forward + 2);
  });

  it('stops when asked, keeping the model so far', async () => {
    const { train } = challengeData(moons());
    let epochs = 0;
    const result = await trainChallengeModel(tf, moonsStarter(), train, {
      seed: 1,
      maxEpochs: 2000,
      onEpoch: () => void epochs++,
      shouldStop: () => epochs >= 3,
    });
    expect(result.epochs).toBe(3);
  });

  it('refuses missing exports and settings with a message', async () => {
    const { train } = challengeData(moons());
    const run = (student: Record<string, unknown>) => trainChallengeModel(tf, student, train, { seed: 1, maxEpochs: 100 });
    await expect(run({ training: { epochs: 1, batchSize: 10 } })).rejects.toThrow('export function createModel()');
    await expect(run({ createModel: moonsStarter().createModel })).rejects.toThrow('export const training');
    await expect(run({ ...moonsStarter(), training: { epochs: 1000, batchSize: 10 } })).rejects.toThrow('from 1 to 100');
    await expect(
      run({
        createModel: () => tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] }),
        training: { epochs: 1, batchSize: 1 },
      }),
    ).rejects.toThrow('compile');
  });
});

describe('checkModelUpload', () => {
  let good: Awaited<ReturnType<typeof upload>>;
  let trained: tf.LayersModel;
  beforeAll(async () => {
    const result = await trainChallengeModel(tf, moonsStarter(50), challengeData(moons()).train, { seed: 3, maxEpochs: 2000 });
    trained = result.model as tf.LayersModel;
    good = await upload(trained);
  });

  it("accepts a saved model and evaluates it as tfjs's own loaded model predicts", async () => {
    const check = checkModelUpload(good, rules(moons()));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.model.params).toBe(25);
    const x = challengeData(moons()).publicTest.x;
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: good.modelTopology,
        weightSpecs: good.weightSpecs,
        weightData: new Uint8Array(Buffer.from(good.weightData, 'base64')).buffer,
      }),
    );
    const theirs = Array.from((loaded.predict(tf.tensor2d(x)) as tf.Tensor).dataSync(), (p) => (p >= 0.5 ? 1 : 0));
    expect(Array.from(predictClasses(check.model, x))).toEqual(theirs);
  });

  const refused = (model: unknown, challenge = moons()) => {
    const check = checkModelUpload(model, rules(challenge));
    expect(check.ok).toBe(false);
    return check.ok ? '' : check.message;
  };

  it('refuses what is not a model', () => {
    expect(refused('hello')).toMatch(/^model: /);
    expect(refused({ ...good, weightData: 42 })).toMatch(/weightData/);
    expect(refused({ ...good, weightData: 'not base64!' })).toMatch(/base64/);
  });

  it('refuses a disallowed layer, naming it and the allowed ones', () => {
    const topology = structuredClone(good.modelTopology) as { config: { layers: { class_name: string }[] } };
    topology.config.layers[1]!.class_name = 'Conv2D';
    expect(refused({ ...good, modelTopology: topology })).toBe(
      'model layer 2 (Conv2D): Conv2D layers are not allowed in this challenge (allowed: Dense, Dropout).',
    );
  });

  it('refuses a functional model and a wrong input width', () => {
    expect(refused({ ...good, modelTopology: { ...good.modelTopology, class_name: 'Model' } })).toMatch(/only tf.sequential\(\) models/);
    const topology = structuredClone(good.modelTopology) as { config: { layers: { config: Record<string, unknown> }[] } };
    topology.config.layers[0]!.config.batch_input_shape = [null, 3];
    expect(refused({ ...good, modelTopology: topology })).toMatch(/2 input features/);
  });

  it('refuses inconsistent shapes and a wrong byte count', () => {
    const specs = structuredClone(good.weightSpecs);
    specs[0]!.shape = [4, 2];
    expect(refused({ ...good, weightSpecs: specs })).toMatch(
      /^model.weightSpecs.0 \(dense_Dense\d+\/kernel\): shape \[4, 2\], the layers need \[2, 4\]\.$/,
    );
    expect(refused({ ...good, weightSpecs: good.weightSpecs.slice(1) })).toMatch(/weight tensors listed; the layers need 6/);
    expect(refused({ ...good, weightData: Buffer.from(new Uint8Array(96)).toString('base64') })).toMatch(
      /96 bytes; the weight specs need 100/,
    );
  });

  it('refuses a NaN or infinite weight, naming where', () => {
    const values = new Float32Array(new Uint8Array(Buffer.from(good.weightData, 'base64')).buffer);
    values[9] = Number.NaN;
    expect(refused({ ...good, weightData: Buffer.from(values.buffer).toString('base64') })).toMatch(
      /weight 1 \(dense_Dense\d+\/bias\) holds NaN at index 1/,
    );
  });

  it('refuses too many parameters and too large an upload', () => {
    const wide = tf.sequential({
      layers: [tf.layers.dense({ units: 20000, inputShape: [2] }), tf.layers.dense({ units: 1, activation: 'sigmoid' })],
    });
    const specs = wide.weights.map((w) => ({ name: w.name, shape: w.shape as number[], dtype: 'float32' as const }));
    expect(refused({ modelTopology: wide.toJSON(null, false), weightSpecs: specs, weightData: '' })).toMatch(
      /80001 parameters; this challenge allows at most 20000/,
    );
    expect(refused({ ...good, padding: 'x'.repeat(300 * 1024) })).toMatch(/this challenge accepts at most 256 kB/);
  });

  it('refuses the wrong number of outputs for the classes', () => {
    const three = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'softmax' })] });
    const specs = three.weights.map((w) => ({ name: w.name, shape: w.shape as number[], dtype: 'float32' as const }));
    expect(
      refused({
        modelTopology: three.toJSON(null, false),
        weightSpecs: specs,
        weightData: Buffer.from(new Float32Array(9).buffer).toString('base64'),
      }),
    ).toMatch(/gives 3 outputs; this challenge has 2 classes, so it must give 1 or 2/);
  });
});
