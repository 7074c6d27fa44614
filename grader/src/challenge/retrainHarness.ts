import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { preparedScript } from '../sandbox/preparedScripts';

/** The entry Verify calls in the sandbox: (data, options) → the re-trained model as plain data. */
export const RETRAIN_ENTRY = '__deltalabRetrain';

/** What the retrain entry returns (plain data, copied out of the isolate). */
export interface RetrainOutput {
  epochs: number;
  accuracy: number;
  ms: number;
  /** The compiled step, or tfjs op by op (a model the step does not compile). */
  engine: 'compiled' | 'tfjs';
  modelTopology: unknown;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  weights: number[][];
}

/**
 * Runs in the job's context after the student's module: registers RETRAIN_ENTRY, which trains the student's exports
 * with the same harness as the page (the exercises package's challenge-harness, bundled here as it is) and returns
 * the topology and weights as data. Nothing of the host is in it.
 */
const GLUE = `
(function () {
  const student = globalThis.__deltalabStudent;
  __deltalab.register({
    async ${RETRAIN_ENTRY}(data, options) {
      const result = await __deltalabHarness.trainChallengeModel(tf, student || {}, data, options);
      const model = result.model;
      return {
        epochs: result.epochs,
        accuracy: result.accuracy,
        ms: result.ms,
        engine: result.engine.kind,
        modelTopology: model.toJSON(null, false),
        weightSpecs: model.weights.map(function (w) { return { name: w.name, shape: w.shape, dtype: w.dtype }; }),
        weights: model.getWeights().map(function (t) { return t.dataSync(); }),
      };
    },
  });
})();
`;

let harness: Promise<string> | undefined;

function harnessFile(): string {
  for (const base of [import.meta.url, pathToFileURL(`${process.cwd()}/`).href]) {
    try {
      return createRequire(base).resolve('@deltalab/exercises/challenge-harness');
    } catch {
      // try the next base
    }
  }
  throw new Error('@deltalab/exercises/challenge-harness cannot be found: Verify cannot run');
}

/** The harness script: the one a grading child's supervisor prepared, else bundled once per process (a few kB, ~20 ms). */
export function retrainHarnessScript(): Promise<string> {
  const prepared = preparedScript('retrain-harness');
  if (prepared !== undefined) return Promise.resolve(prepared);
  harness ??= buildRetrainHarnessScript().catch((error: unknown) => {
    harness = undefined;
    throw error;
  });
  return harness;
}

/** Bundles the exercises package's challenge harness with the glue that registers the retrain entry. */
export async function buildRetrainHarnessScript(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [harnessFile()],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__deltalabHarness',
    target: 'es2022',
    platform: 'neutral',
    logLevel: 'error',
  });
  return `${result.outputFiles[0]!.text}\n${GLUE}`;
}
