import { DEFAULT_TOLERANCE, formatNumber, type Tolerance } from '@deltalab/exercises/rules';
import { compareWithTolerance } from './compareWithTolerance';

/** What a known-wrong implementation returns on the same case, computed on the host. */
export type MistakeCandidate = { name: string; message: string; output: unknown };

export type Diagnosis = { mistake: string; message: string };

export type DiagnoseOptions = {
  tolerance?: Tolerance;
  /** The exercise's named mistakes, evaluated on this case's inputs; checked before the generic ones. */
  candidates?: MistakeCandidate[];
  /** Natural counts for this case (batch size, number of outputs) so a factor `1/n` can be named. */
  ns?: number[];
};

/**
 * Explains a wrong result by the usual mistakes: one of the exercise's known-wrong implementations,
 * a flipped sign, a constant factor (2×, ½, 1/n, n), transposed matrices, or all zeros.
 * Returns null when nothing fits; a diagnosis is only given when it matches every value.
 */
export function diagnoseMistake(actual: unknown, expected: unknown, options: DiagnoseOptions = {}): Diagnosis | null {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const matches = (candidate: unknown) => compareWithTolerance(actual, candidate, tolerance).equal;

  for (const candidate of options.candidates ?? []) {
    if (matches(candidate.output)) return { mistake: candidate.name, message: candidate.message };
  }

  const transposed = transposeMatrices(expected);
  if (transposed.changed && matches(transposed.value)) {
    return {
      mistake: 'transposed-matrix',
      message:
        'Your result matches the reference with matrices transposed: check the index order (W[i][j] is the weight from input j to neuron i).',
    };
  }

  const a = flattenNumbers(actual);
  const e = flattenNumbers(expected);
  if (!a || !e || a.length !== e.length || a.length === 0) return null;
  if (!a.every(Number.isFinite)) return null;

  const expectedNorm = e.reduce((s, x) => s + x * x, 0);
  if (expectedNorm === 0) return null;
  if (a.every((x) => x === 0)) {
    return { mistake: 'all-zeros', message: 'Your result is all zeros: the computation never reached the output.' };
  }

  // Least-squares factor k with actual ≈ k · expected, then check it fits every value.
  const k = a.reduce((s, x, i) => s + x * (e[i] ?? 0), 0) / expectedNorm;
  if (Math.abs(k - 1) < 1e-3 || Math.abs(k) < 1e-9) return null;
  if (!matches(scale(expected, k))) return null;
  return nameFactor(k, options.ns ?? []);
}

function nameFactor(k: number, ns: number[]): Diagnosis {
  const near = (x: number) => Math.abs(k - x) <= 1e-3 * Math.max(1, Math.abs(x));
  if (near(-1)) return { mistake: 'sign-flipped', message: 'Your result has the right size but the opposite sign everywhere.' };
  if (near(2))
    return {
      mistake: 'scaled-by-2',
      message: 'Your result is exactly twice the reference: look for a factor 2 (e.g. the ½ in ½(t − y)²).',
    };
  if (near(0.5))
    return {
      mistake: 'scaled-by-0.5',
      message: 'Your result is exactly half the reference: a factor ½ is applied where it should not be.',
    };
  const n = ns.find((m) => m > 1 && (near(1 / m) || near(m)));
  if (n !== undefined && near(1 / n)) {
    return {
      mistake: 'scaled-by-1-over-n',
      message: `Your result is the reference divided by ${n}: you averaged where a sum is expected.`,
    };
  }
  if (n !== undefined && near(n)) {
    return { mistake: 'scaled-by-n', message: `Your result is the reference multiplied by ${n}: you summed where an average is expected.` };
  }
  if (near(-2)) return { mistake: 'scaled-by-minus-2', message: 'Your result is −2 × the reference: check the sign and the factor 2.' };
  return { mistake: 'scaled', message: `Your result is the reference scaled by a constant (${formatNumber(k, 6)}).` };
}

function flattenNumbers(value: unknown): number[] | null {
  const out: number[] = [];
  const walk = (v: unknown): boolean => {
    if (typeof v === 'number') {
      out.push(v);
      return true;
    }
    if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
      for (const x of Array.from(v as ArrayLike<unknown>)) if (!walk(x)) return false;
      return true;
    }
    if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v).sort()) if (!walk((v as Record<string, unknown>)[key])) return false;
      return true;
    }
    return false;
  };
  return walk(value) ? out : null;
}

function scale(value: unknown, k: number): unknown {
  if (typeof value === 'number') return value * k;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<unknown>, (x) => scale(x, k));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, scale(v, k)]));
  }
  return value;
}

function isMatrix(value: unknown): value is number[][] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first = value[0];
  if (!Array.isArray(first) || first.length === 0) return false;
  return value.every((row) => Array.isArray(row) && row.length === first.length && row.every((x) => typeof x === 'number'));
}

/** Transposes every non-vector matrix inside `value` (e.g. each layer's dW). */
function transposeMatrices(value: unknown): { value: unknown; changed: boolean } {
  if (isMatrix(value)) {
    const rows = value.length;
    const cols = value[0]!.length;
    // a list of vectors (e.g. db per layer) is not a matrix to transpose
    if (rows === 1 || cols === 1) return { value, changed: false };
    const t = Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => value[i]![j]!));
    return { value: t, changed: true };
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((x) => {
      const r = transposeMatrices(x);
      changed ||= r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    let changed = false;
    const out = Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const r = transposeMatrices(v);
        changed ||= r.changed;
        return [key, r.value];
      }),
    );
    return { value: out, changed };
  }
  return { value, changed: false };
}
