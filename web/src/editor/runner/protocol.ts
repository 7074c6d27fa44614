/** Messages between the page (runInBrowser) and the Run worker (run.worker.ts). */
import type { Tolerance } from '@deltalab/exercises/rules';

interface RunCase {
  name: string;
  entry: string;
  args: unknown[];
  expected: unknown;
}

/** The tfjs backends Run can use, in the order the probe tries them. */
export const tfBackends = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type TfBackend = (typeof tfBackends)[number];

/** webgl and webgpu: float32 on a GPU (or float16 where it has no float32 textures), shaders compiled on first use. */
export function isGpuBackend(backend: TfBackend | null): backend is 'webgl' | 'webgpu' {
  return backend === 'webgl' || backend === 'webgpu';
}
/** 'auto': the fastest backend by the probe. */
export type TfBackendChoice = TfBackend | 'auto';

/** One backend's probe result: the timed run after a warm-up run, or why it could not run. */
export type ProbeTiming =
  | {
      backend: TfBackend;
      ok: true;
      ms: number;
      warmupMs: number;
      /** A GPU backend drawn in software (SwiftShader, llvmpipe): never picked automatically. Names the renderer. */
      software?: string;
      /** Float bits of a GPU backend's textures (16: training diverges; challenges never pick it automatically). */
      precision?: number;
    }
  | { backend: TfBackend; ok: false; reason: string };

export interface TfRunOptions {
  choice: TfBackendChoice;
  /** Probe timings from an earlier Run on this page: 'auto' then skips the probe. */
  probe?: ProbeTiming[];
}

export interface RunRequest {
  js: string;
  cases: RunCase[];
  /** The exercise's own tolerance (the grader's rule); the worker loosens it on a GPU backend (runTolerance). */
  tolerance: Tolerance;
  /** Present for exercises that use TensorFlow.js: the worker loads tfjs and resolves the student's import of it. */
  tf?: TfRunOptions;
}

export interface RunCaseResult {
  name: string;
  passed: boolean;
  ms: number;
  message?: string;
  actual?: string;
}

export interface TfStatus {
  /** The backend the cases ran on. */
  backend: TfBackend;
  /** Why this backend: the student's choice, or the probe's pick (and a note when the choice was unavailable). */
  reason: string;
  probe: ProbeTiming[];
  /** Time to load tfjs and initialise the backend(s), probe included. */
  setupMs: number;
}

/** What the page shows once tfjs is ready: the backend, and the tolerance Run checks with there (see runTolerance). */
export interface TfReady extends TfStatus {
  tolerance: Tolerance;
}

export type RunResponse =
  /** tfjs is ready (tf exercises only); the student's code starts next. */
  | { type: 'tf'; status: TfReady }
  /** The student's module is about to load: the page's time limit starts now. */
  | { type: 'started' }
  | { type: 'progress'; results: RunCaseResult[] }
  | { type: 'done'; results: RunCaseResult[] }
  | { type: 'error'; message: string };
