import { z } from 'zod';

/**
 * How close a submitted number must be to the reference value. Declared here, applied by the grader
 * (`compareWithTolerance` lives in @deltalab/grader). With e = expected (reference, float32 from tfjs),
 * a = actual (student, float64):
 *   sigfigs  d: |a − e| ≤ max(5·10^(−d) · |e|, floor)      (d = 3 ⇒ relative error ≤ 0.5 %)
 *   relative r: |a − e| ≤ max(r · |e|, floor)
 *   absolute m: |a − e| ≤ m
 *   decimals p: |a − e| ≤ max(0.5 · 10^(−p), floor)
 * `floor` (default DEFAULT_ABSOLUTE_FLOOR) keeps values that are ~0 comparable: float32 cannot hit 0 exactly
 * where float64 does. NaN and ±∞ never match anything (the grader enforces that).
 */
export const DEFAULT_ABSOLUTE_FLOOR = 1e-6;

const floor = z.number().nonnegative().optional();

export const toleranceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('sigfigs'), digits: z.number().int().min(1).max(15), floor }).strict(),
  z.object({ mode: z.literal('relative'), max: z.number().positive().max(1), floor }).strict(),
  z.object({ mode: z.literal('absolute'), max: z.number().positive() }).strict(),
  z.object({ mode: z.literal('decimals'), places: z.number().int().min(0).max(15), floor }).strict(),
]);

export type Tolerance = z.infer<typeof toleranceSchema>;

/** The course's default: 3 significant figures. */
export const DEFAULT_TOLERANCE: Tolerance = { mode: 'sigfigs', digits: 3, floor: DEFAULT_ABSOLUTE_FLOOR };

/** Default for code exercises: float64 student code against a float32 tfjs reference through several layers. */
export const DEFAULT_CODE_TOLERANCE: Tolerance = { mode: 'relative', max: 1e-3, floor: 1e-5 };
