import * as tf from '@tensorflow/tfjs';

export type ReferenceBackend = 'cpu' | 'wasm';
export const referenceBackends: readonly ReferenceBackend[] = ['cpu', 'wasm'];

let wasmRegistered = false;

/** Where tfjs's .wasm files are, when not in the installed @tensorflow/tfjs-backend-wasm (a grading child's own copies). */
export const TFJS_WASM_DIR_ENV = 'DELTALAB_TFJS_WASM_DIR';

/**
 * Selects the tfjs backend the references run on (Node). 'wasm' loads @tensorflow/tfjs-backend-wasm and points it
 * at the .wasm files shipped in its dist/ folder. Both backends are synchronous once ready, so references can read
 * results with dataSync().
 */
export async function useReferenceBackend(backend: ReferenceBackend): Promise<void> {
  if (backend === 'wasm' && !wasmRegistered) {
    const [{ setWasmPaths }, { createRequire }, path] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('node:module'),
      import('node:path'),
    ]);
    // A grading child runs from a folder of its own, with the .wasm files beside its program (TFJS_WASM_DIR_ENV).
    const dir = process.env[TFJS_WASM_DIR_ENV] ?? path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(dir + path.sep);
    wasmRegistered = true;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed to initialise`);
  await tf.ready();
}

let checked = false;

/**
 * Makes sure a synchronous backend is active before a reference runs. Without an explicit choice tfjs would pick
 * its highest-priority registered backend (webgl, absent in Node); the cpu backend initialises synchronously.
 */
export function ensureSyncBackend(): void {
  if (checked) return;
  const registered = tf.engine().backendName;
  if (registered !== 'cpu' && registered !== 'wasm') {
    void tf.setBackend('cpu');
    if (tf.getBackend() !== 'cpu') throw new Error("tfjs: call `await useReferenceBackend('cpu')` before solving");
  }
  checked = true;
}
