/**
 * How close an answer must be to the reference: the one definition of the rule. The grader, Run in the browser and
 * every test import it (browser-safe: `@deltalab/exercises/rules`). With e the reference (float32, from tfjs) and
 * a the answer (float64):
 *
 *   sigfigs  d: |a − e| ≤ 0.51·10^(⌊log₁₀|e|⌋ − d + 1) + slack(e)   PrairieLearn's is_correct_scalar_sf, inclusive;
 *               a zero reference (or one within `referenceNoise` of 0): |a| ≤ 0.51·10^(1 − d), as PrairieLearn
 *   relative r: |a − e| ≤ max(r·|e|, floor) + slack(e)
 *   absolute m: |a − e| ≤ m + slack(e)
 *   decimals p: |a − e| ≤ 0.51·10^(−p) + slack(e)              PrairieLearn's is_correct_scalar_dd, inclusive
 *
 * slack(e) = FLOAT32_SLACK·|e| is a few float32 ulps of the reference, never an absolute floor: a reference of
 * 3.2e-7 accepts neither 0 nor −3.2e-7. It also keeps the boundaries inclusive despite float64 rounding
 * (1.05 against 1 passes at 5 %). NaN and ±∞ never match anything, not even themselves.
 * What an answer must *show* (enough significant figures or decimals) is in `checkAnswer` (answerCheck.ts).
 */

/** Four float32 ulps at most (2⁻²³ is one ulp just above a power of two): what a few tfjs ops round off. */
export const FLOAT32_SLACK = 4 * 2 ** -23;

/**
 * A rule, as an exercise writes it (checked by toleranceSchema when the exercise loads: digits and places are whole
 * numbers, 1–15 and 0–15; a relative max is in (0, 1]). Plain TypeScript, so this file needs no zod in the browser.
 */
export type Tolerance =
  | {
      mode: 'sigfigs';
      digits: number;
      /**
       * For a reference that is an exact 0 computed from terms that cancel (float32 leaves ~1e-8 instead): a
       * reference within this distance of 0 counts as 0. Leave it out for a reference that is merely small.
       */
      referenceNoise?: number;
    }
  | {
      mode: 'relative';
      max: number;
      /** An absolute tolerance that always suffices (code outputs near 0, where float32 keeps no relative precision). */
      floor?: number;
    }
  | { mode: 'absolute'; max: number }
  | { mode: 'decimals'; places: number };

/** The course's default for numeric fields: 3 significant figures. */
export const DEFAULT_TOLERANCE: Tolerance = { mode: 'sigfigs', digits: 3 };

/** Default for code exercises: float64 student code against a float32 tfjs reference through several layers. */
export const DEFAULT_CODE_TOLERANCE: Tolerance = { mode: 'relative', max: 1e-3, floor: 1e-5 };

/** The decimal exponent of x ≠ 0, exactly (Math.log10 can land just below an integer). */
export function decimalExponent(x: number): number {
  return Number(Math.abs(x).toExponential().split('e')[1]);
}

/** The reference as the rule sees it: an exact 0 in disguise (within `referenceNoise`) becomes 0. */
export function effectiveReference(reference: number, tolerance: Tolerance): number {
  if (tolerance.mode === 'sigfigs' && tolerance.referenceNoise !== undefined && Math.abs(reference) <= tolerance.referenceNoise) return 0;
  return reference;
}

/** Largest |answer − reference| accepted for this reference. */
export function allowedError(reference: number, tolerance: Tolerance): number {
  const e = effectiveReference(reference, tolerance);
  const slack = FLOAT32_SLACK * Math.abs(e);
  switch (tolerance.mode) {
    case 'sigfigs':
      return e === 0 ? 0.51 * 10 ** (1 - tolerance.digits) : 0.51 * 10 ** (decimalExponent(e) - tolerance.digits + 1) + slack;
    case 'relative':
      return Math.max(tolerance.max * Math.abs(e), tolerance.floor ?? 0) + slack;
    case 'absolute':
      return tolerance.max + slack;
    case 'decimals':
      return 0.51 * 10 ** -tolerance.places + slack;
  }
}

/** The value part of the rule (no written figures): what code outputs and JSON numbers are checked with. */
export function isWithinTolerance(answer: number, reference: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(answer) || !Number.isFinite(reference)) return false;
  return Math.abs(answer - effectiveReference(reference, tolerance)) <= allowedError(reference, tolerance);
}

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** The rule in one short sentence, as the page, the field hints and the feedback say it. */
export function describeTolerance(tolerance: Tolerance): string {
  switch (tolerance.mode) {
    case 'sigfigs':
      return `Give ${tolerance.digits} significant figures: correct means within half a unit of the ${ordinal(tolerance.digits)} figure.`;
    case 'relative':
      return `Correct means within ${Number((tolerance.max * 100).toPrecision(3))}% of the reference.`;
    case 'absolute':
      return `Correct means within ±${tolerance.max} of the reference.`;
    case 'decimals':
      return `Give ${tolerance.places} decimal place${tolerance.places === 1 ? '' : 's'}: correct means within half a unit of the last one.`;
  }
}
