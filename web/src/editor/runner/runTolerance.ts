import type { TfBackend } from './protocol';

export interface Tolerance {
  relative: number;
  absolute: number;
}

/**
 * The tolerance Run checks with on a tfjs backend. GPU backends reorder and fuse float32 arithmetic (and fall back
 * to float16 textures on devices without float32 ones), so a training loop drifts further from the cpu reference than
 * the grader's tolerance allows: seen 2e-3 relative after 10 steps on SwiftShader's WebGL. TensorFlow.js's own tests
 * allow 1e-1 on float16 backends. Run only: the grade is always checked on the server's cpu with the exercise's own.
 */
export function runTolerance(tolerance: Tolerance, backend: TfBackend | null, floatPrecision: number): Tolerance {
  if (backend !== 'webgl' && backend !== 'webgpu') return tolerance;
  const gpuRelative = floatPrecision < 32 ? 1e-1 : 1e-2;
  return { relative: Math.max(tolerance.relative, gpuRelative), absolute: Math.max(tolerance.absolute, gpuRelative * 1e-2) };
}

/** "1%", "0.1%": a relative tolerance as the page shows it. */
export function formatRelative(relative: number): string {
  return `${Number((relative * 100).toPrecision(2))}%`;
}
