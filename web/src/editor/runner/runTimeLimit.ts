import { isGpuBackend, type TfBackend } from './protocol';

/**
 * GPU backends get this many times the page's time limit. WebGL and WebGPU compile a shader program the first time
 * each operation meets each shape, which on a software-rendered GPU (SwiftShader) takes seconds: seen 2.5–3.2 s a case
 * on a 2-core machine for training loops that wasm runs in milliseconds. That is the browser's cost, not an endless
 * loop in the student's code. Run only: the grade's limit is the server's.
 */
export const GPU_RUN_TIME_FACTOR = 3;

/** How long Run lets the student's code take on this backend (null: no tfjs involved). */
export function runTimeLimitMs(baseMs: number, backend: TfBackend | null): number {
  return isGpuBackend(backend) ? baseMs * GPU_RUN_TIME_FACTOR : baseMs;
}

/** What Run says when it stops the student's code at the limit. */
export function runTimeLimitMessage(limitMs: number, backend: TfBackend | null): string {
  const stopped = `Stopped after ${(limitMs / 1000).toFixed(1)} s: your code took too long (an endless loop?).`;
  return isGpuBackend(backend)
    ? `${stopped} On ${backend} that is ${GPU_RUN_TIME_FACTOR}× the limit on cpu and wasm, for compiling its shaders.`
    : stopped;
}
