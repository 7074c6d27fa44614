import { formatNumber, type Tolerance } from '@deltalab/exercises/rules';
import { isGpuBackend, type TfBackend } from './protocol';

/**
 * The tolerance Run checks with on a tfjs backend. GPU backends reorder and fuse float32 arithmetic (and fall back
 * to float16 textures on devices without float32 ones), so a training loop drifts further from the cpu reference than
 * the grader's tolerance allows: seen 2e-3 relative after 10 steps on SwiftShader's WebGL. TensorFlow.js's own tests
 * allow 1e-1 on float16 backends. Run only: the grade is always checked on the server's cpu with the exercise's own.
 * Code exercises check relative tolerances; on a GPU a looser relative one replaces any other mode.
 */
export function runTolerance(tolerance: Tolerance, backend: TfBackend | null, floatPrecision: number): Tolerance {
  if (!isGpuBackend(backend)) return tolerance;
  const gpuRelative = floatPrecision < 32 ? 1e-1 : 1e-2;
  const own = tolerance.mode === 'relative' ? tolerance : { max: 0, floor: 0 };
  return { mode: 'relative', max: Math.max(own.max, gpuRelative), floor: Math.max(own.floor ?? 0, gpuRelative * 1e-2) };
}

/** "1%", "0.1%": a relative tolerance as the page shows it. */
export function formatRelative(relative: number): string {
  return `${Number((relative * 100).toPrecision(2))}%`;
}

/** A tolerance as the page names its size: "0.1%" (relative), "±0.05", "3 significant figures", "2 decimal places". */
export function formatTolerance(tolerance: Tolerance): string {
  switch (tolerance.mode) {
    case 'relative':
      return formatRelative(tolerance.max);
    case 'absolute':
      return `±${formatNumber(tolerance.max)}`;
    case 'sigfigs':
      return `${tolerance.digits} significant figures`;
    case 'decimals':
      return `${tolerance.places} decimal places`;
  }
}
