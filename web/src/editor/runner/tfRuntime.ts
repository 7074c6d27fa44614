/// <reference lib="webworker" />
import type * as TfNamespace from '@tensorflow/tfjs';
import { pickBackend, type PickRules } from './backendChoice';
import { isGpuBackend, tfBackends, type ProbeTiming, type TfBackend, type TfRunOptions, type TfStatus } from './protocol';

/**
 * tfjs inside the Run worker (only for exercises with `usesTf`): loaded with dynamic imports, so it is a separate
 * chunk that no page loads. The wasm backend's .wasm files come from our own origin (/tfjs/, copied there by
 * scripts/copy-tfjs-wasm.mjs at build time), never from a CDN.
 */
export type Tf = typeof TfNamespace;

const WASM_PATH = '/tfjs/';

export async function loadTf(): Promise<Tf> {
  return import('@tensorflow/tfjs');
}

const registered = new Set<TfBackend>(['cpu', 'webgl']); // both come with @tensorflow/tfjs

/** Renderers that are a CPU pretending to be a GPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;
/** What the WebGPU adapter said of itself (set when webgpu is registered). */
let webgpuAdapter: { description: string; fallback: boolean } | undefined;

/** The renderer's name when the active GPU backend is drawn in software, else null. */
function softwareRenderer(tf: Tf, backend: TfBackend): string | null {
  try {
    if (backend === 'webgl') {
      const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
      if (!gl) return null;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      return SOFTWARE_RENDERER.test(renderer) ? renderer : null;
    }
    if (backend === 'webgpu' && webgpuAdapter) {
      return webgpuAdapter.fallback || SOFTWARE_RENDERER.test(webgpuAdapter.description)
        ? webgpuAdapter.description || 'a fallback adapter'
        : null;
    }
  } catch {
    // unknown renderer: treated as hardware
  }
  return null;
}

/** Registers (wasm, webgpu: their packages on first use) and selects a backend; returns why it failed, or null. */
async function switchBackend(tf: Tf, backend: TfBackend): Promise<string | null> {
  try {
    if (backend === 'wasm' && !registered.has('wasm')) {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths(new URL(WASM_PATH, self.location.href).href);
      registered.add('wasm');
    }
    if (backend === 'webgpu' && !registered.has('webgpu')) {
      type Adapter = {
        isFallbackAdapter?: boolean;
        info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
      };
      const gpu = (self.navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
      if (!gpu) return 'WebGPU is not available in this browser';
      const adapter = await gpu.requestAdapter();
      if (!adapter) return 'no WebGPU adapter';
      const info = adapter.info ?? {};
      webgpuAdapter = {
        description: [info.vendor, info.architecture, info.description].filter(Boolean).join(' '),
        fallback: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
      };
      await import('@tensorflow/tfjs-backend-webgpu');
      registered.add('webgpu');
    }
    if (!(await tf.setBackend(backend))) return 'it failed to initialise';
    await tf.ready();
    // setBackend can fail without saying so (tfjs keeps the previous backend): check what is active.
    if (tf.getBackend() !== backend) return `tfjs stayed on ${tf.getBackend()}`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The probe's workload, shaped like a tf exercise: a 2-16-1 sigmoid network on 64 rows, 5 full-batch steps of
 * tf.variableGrads + assign, reading each loss back (dataSync) and the trained weights (arraySync) as students'
 * code does. Returns what it read, so the probe can check the backend's numbers.
 */
function probeWorkload(tf: Tf): number[] {
  const read: number[] = [];
  const weights = [
    tf.variable(tf.randomNormal([2, 16], 0, 0.5, 'float32', 1)),
    tf.variable(tf.zeros([16])),
    tf.variable(tf.randomNormal([16, 1], 0, 0.5, 'float32', 2)),
    tf.variable(tf.zeros([1])),
  ];
  const [W1, b1, W2, b2] = weights as [TfNamespace.Variable, TfNamespace.Variable, TfNamespace.Variable, TfNamespace.Variable];
  const X = tf.randomUniform([64, 2], -1, 1, 'float32', 3);
  const y = tf.randomUniform([64, 1], 0, 1, 'float32', 4).round();
  try {
    for (let step = 0; step < 5; step++) {
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const p = tf.sigmoid(tf.add(tf.matMul(tf.sigmoid(tf.add(tf.matMul(X, W1), b1)), W2), b2));
          return tf.mean(tf.square(tf.sub(y, p))) as TfNamespace.Scalar;
        }, weights);
        read.push(value.dataSync()[0]!);
        for (const w of weights) w.assign(tf.sub(w, tf.mul(0.5, grads[w.name]!)));
      });
    }
    read.push(...(W2.arraySync() as number[][]).flat());
    return read;
  } finally {
    tf.dispose([X, y, ...weights]);
  }
}

/** A warm-up that takes longer than this (a software-rendered GPU compiling shaders) is reported as it is. */
const SLOW_WARMUP_MS = 4000;

/** Where a backend's numbers differ from cpu's beyond float32 noise (null when they agree). */
function disagreement(values: number[], reference: number[]): string | null {
  if (values.length !== reference.length) return `${values.length} values read, ${reference.length} expected`;
  const i = values.findIndex((v, k) => !(Math.abs(v - reference[k]!) <= 1e-3 * Math.abs(reference[k]!) + 1e-5));
  return i < 0 ? null : `value ${i} read back as ${values[i]}, cpu gives ${reference[i]}`;
}

/**
 * Times the workload on every backend this browser offers (the second run, after a warm-up), and checks each
 * backend's numbers against cpu's: a backend whose synchronous reads come back wrong (e.g. WebGPU's canvas
 * read-back on a software renderer) is reported as unusable rather than picked.
 */
async function probeBackends(tf: Tf): Promise<ProbeTiming[]> {
  const timings: ProbeTiming[] = [];
  let reference: number[] | undefined;
  for (const backend of tfBackends) {
    const problem = await switchBackend(tf, backend);
    if (problem) {
      timings.push({ backend, ok: false, reason: problem });
      continue;
    }
    try {
      let started = performance.now();
      const values = probeWorkload(tf);
      const warmupMs = performance.now() - started;
      reference ??= values; // cpu comes first
      const wrong = disagreement(values, reference);
      if (wrong) {
        timings.push({ backend, ok: false, reason: `wrong results: ${wrong}` });
        continue;
      }
      const software = softwareRenderer(tf, backend);
      const precision = isGpuBackend(backend) ? tf.backend().floatPrecision() : undefined;
      const about = { ...(software ? { software } : {}), ...(precision !== undefined ? { precision } : {}) };
      if (warmupMs > SLOW_WARMUP_MS) {
        timings.push({ backend, ok: true, ms: warmupMs, warmupMs, ...about });
        continue;
      }
      started = performance.now();
      probeWorkload(tf);
      timings.push({ backend, ok: true, ms: performance.now() - started, warmupMs, ...about });
    } catch (error) {
      timings.push({ backend, ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return timings;
}

/** Loads tfjs, probes when this page has no probe yet, and selects the backend for the student's code. */
export async function prepareTf(options: TfRunOptions, rules: PickRules = {}): Promise<{ tf: Tf; status: TfStatus }> {
  const started = performance.now();
  const tf = await loadTf();
  const probe = options.probe ?? (await probeBackends(tf));
  const pick = pickBackend(options.choice, probe, rules);
  if (!pick)
    throw new Error(`no tfjs backend works in this browser (${probe.map((t) => `${t.backend}: ${t.ok ? 'ok' : t.reason}`).join('; ')})`);
  const problem = await switchBackend(tf, pick.backend);
  if (problem) throw new Error(`the ${pick.backend} backend failed: ${problem}`);
  return { tf, status: { backend: pick.backend, reason: pick.reason, probe, setupMs: performance.now() - started } };
}

/** Tensors in a result become nested arrays, as the grader's sandbox does. */
export function tensorsToArrays(tf: Tf, value: unknown): unknown {
  if (value instanceof tf.Tensor) return value.arraySync();
  if (Array.isArray(value)) return value.map((v) => tensorsToArrays(tf, v));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tensorsToArrays(tf, v)]));
  }
  return value;
}
