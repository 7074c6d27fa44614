import { formatNumber, isWithinTolerance, type Tolerance } from '@deltalab/exercises/rules';

/**
 * A small structural comparison for Run in the browser (the grader on the server is the authority on grades):
 * numbers by the grader's own rule (isWithinTolerance, shared through @deltalab/exercises/rules), arrays by length
 * then element, objects by keys. Returns null when equal, else a message naming the first difference.
 */
export function compareOutput(actual: unknown, expected: unknown, tolerance: Tolerance, path = 'result'): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected a number, got ${describe(actual)}`;
    return isWithinTolerance(actual, expected, tolerance)
      ? null
      : `${path}: got ${formatNumber(actual, 6)}, expected ${formatNumber(expected, 6)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array of length ${expected.length}, got ${describe(actual)}`;
    if (actual.length !== expected.length) return `${path}: expected length ${expected.length}, got length ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const message = compareOutput(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (message) return message;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${path}: expected an object, got ${describe(actual)}`;
    for (const key of Object.keys(expected)) {
      const message = compareOutput(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${path}.${key}`,
      );
      if (message) return message;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: got ${describe(actual)}, expected ${describe(expected)}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}
