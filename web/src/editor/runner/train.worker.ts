/// <reference lib="webworker" />
import { ChallengeCodeError, classesOf, trainChallengeModel } from '@deltalab/exercises/challenge-harness';
import type * as TfNamespace from '@tensorflow/tfjs';
import { resolveImports, tfShimSource } from './resolveImports';
import type { EpochPoint, FromTrainWorker, ToTrainWorker, UploadModel } from './trainProtocol';

// Trains a challenge's code in this worker: the page stays responsive, and Stop is a message (the model trained so far
// is kept and can be entered). The same harness trains it again on the server for Verify.
const TF_GLOBAL = '__deltalabTf';
const post = (message: FromTrainWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
let stopRequested = false;

// A message to ourselves: the message loop runs (a Stop posted before it is handled first) and we are back in ~10 µs.
// setTimeout(0) here is clamped to 4 ms once timers nest, 4 ms lost every 30 ms of training.
const loopback = new MessageChannel();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    loopback.port1.onmessage = () => resolve();
    loopback.port2.postMessage(null);
  });

self.onmessage = (event: MessageEvent<ToTrainWorker>) => {
  if (event.data.type === 'stop') {
    stopRequested = true;
    return;
  }
  void train(event.data).catch((error: unknown) => {
    const message =
      error instanceof ChallengeCodeError ? error.message : `Training failed: ${error instanceof Error ? error.message : String(error)}`;
    post({ type: 'error', message });
  });
};

async function train(request: Extract<ToTrainWorker, { type: 'train' }>): Promise<void> {
  const { loadTf, prepareTf } = await import('./tfRuntime');
  const tf = await loadTf();
  // tfjs-layers reads its epsilon from the first backend that asks and keeps it: ask on cpu (1e-7), so a float16 GPU
  // (1e-4) cannot change the losses.
  await tf.setBackend('cpu');
  tf.tidy(() => tf.metrics.binaryCrossentropy(tf.tensor2d([[1]]), tf.tensor2d([[0.5]])));
  const { status } = await prepareTf(request.tf, { avoidFloat16: true });
  post({ type: 'tf', status });
  (globalThis as Record<string, unknown>)[TF_GLOBAL] = tf;
  const shim = URL.createObjectURL(new Blob([tfShimSource(Object.keys(tf), TF_GLOBAL)], { type: 'text/javascript' }));
  const resolved = resolveImports(request.js, { tfModuleUrl: shim });
  if (!resolved.ok) throw new ChallengeCodeError(resolved.message);
  const url = URL.createObjectURL(new Blob([resolved.js], { type: 'text/javascript' }));
  let student: Record<string, unknown>;
  try {
    student = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Record<string, unknown>;
  } catch (error) {
    throw new ChallengeCodeError(`Your code could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    URL.revokeObjectURL(url);
    URL.revokeObjectURL(shim);
  }

  const grid = tf.tensor2d(request.grid, [request.grid.length, 2], 'float32');
  const started = performance.now();
  let pending: EpochPoint[] = [];
  let lastPost = 0;
  // The first boundary after 150 ms, like the rest: at epoch 1 it is the random initialisation's, and tfjs's first
  // predict (kernels set up, weights uploaded) cost 15–20 ms, a third of a compiled training run.
  let lastBoundary = started;
  let lastYield = performance.now();
  let reached99: { epoch: number; ms: number } | null = null;
  stopRequested = false;
  const drawBoundary = (model: TfNamespace.LayersModel, epoch: number) => {
    // One batch (predict's default is 32 rows a batch: 50 runs of the network and a concat for a 40×40 grid).
    const output = tf.tidy(() => (model.predict(grid, { batchSize: request.grid.length }) as TfNamespace.Tensor).dataSync());
    const units = output.length / request.grid.length;
    const classes = Uint8Array.from(classesOf(output, units));
    const confidence = new Float32Array(classes.length);
    for (let i = 0; i < classes.length; i++)
      confidence[i] = units === 1 ? Math.max(output[i]!, 1 - output[i]!) : output[i * units + classes[i]!]!;
    post({ type: 'boundary', epoch, classes, confidence }, [classes.buffer, confidence.buffer]);
  };
  try {
    post({ type: 'started', epochs: 0 });
    const result = await trainChallengeModel(tf, student, request.data, {
      seed: request.seed,
      maxEpochs: request.maxEpochs,
      shouldStop: () => stopRequested,
      engine: request.engine,
      onEpoch: async (report, model) => {
        const now = performance.now();
        if (!reached99 && report.accuracy >= 0.99) reached99 = { epoch: report.epoch, ms: now - started };
        pending.push(report);
        if (now - lastPost > 50) {
          post({ type: 'epochs', points: pending });
          pending = [];
          lastPost = now;
        }
        if (now - lastBoundary > 150) {
          drawBoundary(model() as TfNamespace.LayersModel, report.epoch);
          lastBoundary = performance.now();
        }
        // Let the worker's message loop run (a Stop arrives there) without paying for it every epoch.
        if (now - lastYield > 30) {
          await yieldToMessages();
          lastYield = performance.now();
        }
      },
    });
    const ms = performance.now() - started;
    if (pending.length > 0) post({ type: 'epochs', points: pending });
    const model = result.model as TfNamespace.LayersModel;
    drawBoundary(model, result.epochs);
    post({
      type: 'done',
      model: await toUpload(tf, model),
      epochs: result.epochs,
      accuracy: result.accuracy,
      ms,
      stopped: stopRequested,
      reached99,
      engine: result.engine,
    });
  } finally {
    grid.dispose();
  }
}

/** The model as `model.save(tf.io.withSaveHandler(…))` gives it, weights base64-encoded for JSON. */
async function toUpload(tf: typeof TfNamespace, model: TfNamespace.LayersModel): Promise<UploadModel> {
  let saved: TfNamespace.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const bytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(saved!.weightData!));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { modelTopology: saved!.modelTopology, weightSpecs: saved!.weightSpecs ?? [], weightData: btoa(binary) };
}
