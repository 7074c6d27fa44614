import type { Rng } from '../random';
import type { ExpressionPoint } from './evaluate';

/**
 * Numbas-style equivalence: two expressions are the same answer when they agree at every one of 10–20 random points
 * drawn in the declared ranges. The reference side is plain data (the points and its values there), computed by the
 * exercise; the grader evaluates the student's expression at the same points and compares.
 */

/** A declared variable and the range its sample points are drawn from (uniform, ends included). */
export interface ExpressionVariable {
  name: string;
  min: number;
  max: number;
  /** How the preview typesets it, when the default (out_h1 → out_{h1}) is not right. */
  latex?: string;
}

/** |student − reference| ≤ max(relative·|reference|, absolute) at every point. */
export interface ExpressionTolerance {
  relative: number;
  absolute: number;
}

/**
 * Numbas's default is a relative difference of 1e-4; we add an absolute floor so a reference that crosses 0 at a point
 * (where a relative rule accepts nothing but float rounding) still accepts the float64 value of a float32 reference.
 */
export const DEFAULT_EXPRESSION_TOLERANCE: ExpressionTolerance = { relative: 1e-4, absolute: 1e-7 };
export const DEFAULT_EXPRESSION_POINTS = 12;

/** The reference side of an expression field for one variant: plain data, computed by solveVariant. */
export interface ExpressionReference {
  points: Record<string, number>[];
  values: number[];
}

/**
 * Draws `count` points in the ranges and evaluates the reference there, drawing again where the reference is
 * undefined (log of a negative, division by 0) — at most 50 tries a point, then the exercise itself is wrong.
 */
export function sampleExpressionReference(
  variables: readonly ExpressionVariable[],
  count: number,
  rng: Rng,
  reference: (point: ExpressionPoint) => number,
): ExpressionReference {
  const points: Record<string, number>[] = [];
  const values: number[] = [];
  for (let tries = 0; points.length < count; tries++) {
    if (tries >= count * 50)
      throw new Error(`the reference is undefined at ${tries - points.length} of ${tries} random points of the ranges`);
    const point = Object.fromEntries(variables.map((v) => [v.name, v.min + (v.max - v.min) * rng.next()]));
    const value = reference(point);
    if (!Number.isFinite(value)) continue;
    points.push(point);
    values.push(value);
  }
  return { points, values };
}

export function withinExpressionTolerance(actual: number, expected: number, tolerance: ExpressionTolerance): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= Math.max(tolerance.relative * Math.abs(expected), tolerance.absolute);
}

export type PointComparison =
  { equivalent: true } | { equivalent: false; index: number; actual: number; expected: number; undefinedThere: boolean };

/** Evaluates `evaluate` at each point and compares with the values; the first point that differs, if any. */
export function compareAtPoints(
  evaluate: (point: ExpressionPoint) => number,
  reference: ExpressionReference,
  tolerance: ExpressionTolerance,
): PointComparison {
  for (let index = 0; index < reference.points.length; index++) {
    const actual = evaluate(reference.points[index]!);
    const expected = reference.values[index]!;
    if (!withinExpressionTolerance(actual, expected, tolerance)) {
      return { equivalent: false, index, actual, expected, undefinedThere: !Number.isFinite(actual) };
    }
  }
  return { equivalent: true };
}
