import { DEFAULT_TOLERANCE, formatNumber, isWithinTolerance, type Tolerance } from '@deltalab/exercises/rules';

export type CompareOptions = {
  /** Hidden cases never reveal expected values (nor the student's, to keep messages uniform). */
  hidden?: boolean;
  /** Name of the root value in messages, e.g. `result` or `dW`. */
  path?: string;
  /** Case name used in hidden-case messages. */
  caseName?: string;
  /** Extra advice appended to hidden-case messages. */
  hint?: string;
};

type Mismatch = {
  kind: 'type' | 'shape' | 'value';
  /** Where the first difference is, e.g. `dW[1][0][2]`. */
  path: string;
  message: string;
};

export type Comparison = { equal: true } | ({ equal: false } & Mismatch);

/** Numbers in messages: 6 significant figures, enough to see where an answer departs from the reference. */
const MESSAGE_FIGURES = 6;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a typed array of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`;
  return `a ${typeof value}`;
}

function expectedKind(value: unknown): string {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Compares a student's value with the reference: type, then shape/length, then values, in that order,
 * so the first message is the most fundamental thing that is wrong. Works on numbers, booleans,
 * strings, (typed) arrays nested to any depth and plain objects.
 */
export function compareWithTolerance(
  actual: unknown,
  expected: unknown,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
  options: CompareOptions = {},
): Comparison {
  const root = options.path ?? 'result';
  const mismatch = findStructuralMismatch(actual, expected, root) ?? findValueMismatch(actual, expected, tolerance, root);
  if (!mismatch) return { equal: true };
  return { equal: false, ...mismatch, message: phrase(mismatch, options) };
}

type RawMismatch = { kind: Mismatch['kind']; path: string; actual?: unknown; expected?: unknown; detail: string };

function phrase(m: RawMismatch, options: CompareOptions): string {
  if (options.hidden) {
    const name = options.caseName ? `Hidden case "${options.caseName}"` : 'A hidden case';
    const what =
      m.kind === 'value' ? `a wrong value at ${m.path}` : m.kind === 'shape' ? `a wrong shape at ${m.path}` : `a wrong type at ${m.path}`;
    const shapeDetail = m.kind === 'value' ? '' : ` (${m.detail})`;
    return `${name}: ${what}${shapeDetail}.${options.hint ? ` ${options.hint}` : ''}`;
  }
  return `${m.path}: ${m.detail}`;
}

function findStructuralMismatch(actual: unknown, expected: unknown, path: string): RawMismatch | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') {
      return { kind: 'type', path, detail: `expected a number, got ${describeType(actual)}` };
    }
    return null;
  }
  if (isArrayLike(expected)) {
    if (!isArrayLike(actual)) {
      return { kind: 'type', path, detail: `expected an array, got ${describeType(actual)}` };
    }
    if (actual.length !== expected.length) {
      return {
        kind: 'shape',
        path,
        detail: `expected an array of length ${expected.length}, got length ${actual.length}`,
      };
    }
    for (let i = 0; i < expected.length; i++) {
      const found = findStructuralMismatch(actual[i], expected[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || isArrayLike(actual)) {
      return { kind: 'type', path, detail: `expected an object, got ${describeType(actual)}` };
    }
    const record = actual as Record<string, unknown>;
    for (const key of Object.keys(expected)) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) {
        return { kind: 'shape', path: `${path}.${key}`, detail: `missing property "${key}"` };
      }
      const found = findStructuralMismatch(record[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  // booleans, strings, null: exact
  if (typeof actual !== typeof expected || (expected === null) !== (actual === null)) {
    return { kind: 'type', path, detail: `expected ${expectedKind(expected)}, got ${describeType(actual)}` };
  }
  return null;
}

function findValueMismatch(actual: unknown, expected: unknown, tolerance: Tolerance, path: string): RawMismatch | null {
  if (typeof expected === 'number') {
    const a = actual as number;
    if (isWithinTolerance(a, expected, tolerance)) return null;
    const detail = Number.isFinite(a)
      ? `expected ${formatNumber(expected, MESSAGE_FIGURES)}, got ${formatNumber(a, MESSAGE_FIGURES)}`
      : `got ${formatNumber(a, MESSAGE_FIGURES)}, which is never accepted (expected ${formatNumber(expected, MESSAGE_FIGURES)})`;
    return { kind: 'value', path, actual: a, expected, detail };
  }
  if (isArrayLike(expected)) {
    const arr = actual as ArrayLike<unknown>;
    for (let i = 0; i < expected.length; i++) {
      const found = findValueMismatch(arr[i], expected[i], tolerance, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    for (const key of Object.keys(expected)) {
      const found = findValueMismatch(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${path}.${key}`,
      );
      if (found) return found;
    }
    return null;
  }
  if (actual !== expected) {
    return { kind: 'value', path, detail: `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` };
  }
  return null;
}
