import { z } from 'zod';

/**
 * How close a value must be to the reference (same shape as @deltalab/exercises' tolerance). `floor` is an absolute slack added to the relative
 * modes because the reference is float32 (tfjs): a value that should be ~0 comes out as ~1e-8, and a
 * float64 student answer must still match it.
 */
export const toleranceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('sigfigs'), digits: z.number().int().min(1).max(15), floor: z.number().nonnegative().optional() }),
  z.object({ mode: z.literal('relative'), max: z.number().positive(), floor: z.number().nonnegative().optional() }),
  z.object({ mode: z.literal('absolute'), max: z.number().nonnegative() }),
  z.object({ mode: z.literal('decimals'), places: z.number().int().min(0).max(15), floor: z.number().nonnegative().optional() }),
]);
export type Tolerance = z.infer<typeof toleranceSchema>;

/** The course default: 3 significant figures, i.e. relative error ≤ 0.5 %. */
export const DEFAULT_TOLERANCE: Tolerance = { mode: 'sigfigs', digits: 3 };

/** Slack for float32 references; about 8 float32 ulps at 1. */
export const DEFAULT_ABS_FLOOR = 1e-6;

/** Largest allowed |actual − expected| for this expected value. */
export function allowedError(expected: number, tolerance: Tolerance): number {
  switch (tolerance.mode) {
    case 'sigfigs':
      return Math.max(5 * 10 ** -tolerance.digits * Math.abs(expected), tolerance.floor ?? DEFAULT_ABS_FLOOR);
    case 'relative':
      return Math.max(tolerance.max * Math.abs(expected), tolerance.floor ?? DEFAULT_ABS_FLOOR);
    case 'absolute':
      return tolerance.max;
    case 'decimals':
      // half a unit in the last place, plus a hair so rounding edges don't flip on float noise
      return Math.max(0.5 * 10 ** -tolerance.places * (1 + 1e-9), tolerance.floor ?? 0);
  }
}

/** NaN and ±∞ are never close to anything, not even to themselves. */
export function isClose(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= allowedError(expected, tolerance);
}

export function describeTolerance(tolerance: Tolerance): string {
  switch (tolerance.mode) {
    case 'sigfigs':
      return `${tolerance.digits} significant figures`;
    case 'relative':
      return `relative error ≤ ${tolerance.max}`;
    case 'absolute':
      return `absolute error ≤ ${tolerance.max}`;
    case 'decimals':
      return `${tolerance.places} decimal places`;
  }
}
