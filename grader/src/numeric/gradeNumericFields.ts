import type { NumericField, Params } from '@deltalab/exercises';
import { diagnoseMistake } from '../compare/diagnoseMistake';
import { parseNumericAnswer } from '../compare/parseNumericAnswer';
import { DEFAULT_TOLERANCE, describeTolerance, isClose, type Tolerance } from '../compare/tolerance';
import type { FieldResult } from '../protocol';

export type NumericGradingInput = {
  fields: NumericField[];
  params: Params;
  /** The reference's value of every field for this variant. */
  reference: Record<string, number>;
  /** What the student typed, per field name. */
  answers: Record<string, string | number>;
  /** Fraction of a field's credit for `carried` (0..1). */
  carriedCredit: number;
};

type Parsed = { value: number } | null;

/**
 * Grades each field in order: `correct` when it matches the reference, `carried` when it is wrong only
 * because an upstream answer was wrong (recomputed with the reference's own formula from the student's
 * upstream values), else `wrong`, `missing` or `invalid`.
 */
export function gradeNumericFields(input: NumericGradingInput): FieldResult[] {
  const parsed = new Map<string, Parsed>();
  const statuses = new Map<string, FieldResult['status']>();
  const results: FieldResult[] = [];

  for (const field of input.fields) {
    const tolerance: Tolerance = field.tolerance ?? DEFAULT_TOLERANCE;
    const expected = input.reference[field.name];
    const raw = input.answers[field.name];
    if (expected === undefined) throw new Error(`the reference gave no value for field ${field.name}`);

    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      parsed.set(field.name, null);
      statuses.set(field.name, 'missing');
      results.push({ name: field.name, status: 'missing', credit: 0, message: 'No answer given.' });
      continue;
    }
    const number = typeof raw === 'number' ? finiteOrError(raw) : parseNumericAnswer(raw);
    if (!number.ok) {
      parsed.set(field.name, null);
      statuses.set(field.name, 'invalid');
      results.push({ name: field.name, status: 'invalid', credit: 0, message: number.message });
      continue;
    }
    const value = number.value;
    parsed.set(field.name, { value });

    if (isClose(value, expected, tolerance)) {
      statuses.set(field.name, 'correct');
      results.push({ name: field.name, status: 'correct', credit: 1, value, message: 'Correct.' });
      continue;
    }

    const carried = tryCarryForward(field, value, tolerance, input, parsed, statuses);
    if (carried) {
      statuses.set(field.name, 'carried');
      results.push({
        name: field.name,
        status: 'carried',
        credit: input.carriedCredit,
        value,
        carriedFrom: carried,
        message: `Consistent with your value${carried.length > 1 ? 's' : ''} of ${carried.join(', ')}, which ${carried.length > 1 ? 'are' : 'is'} wrong: the method is right, the error comes from upstream.`,
      });
      continue;
    }

    statuses.set(field.name, 'wrong');
    const diagnosis = diagnoseScalar(value, expected, tolerance);
    results.push({
      name: field.name,
      status: 'wrong',
      credit: 0,
      value,
      message: diagnosis ? `Not correct. ${diagnosis.message}` : `Not correct (checked to ${describeTolerance(tolerance)}).`,
      ...(diagnosis ? { diagnosis } : {}),
    });
  }
  return results;
}

function finiteOrError(value: number): { ok: true; value: number } | { ok: false; message: string } {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `${value} is not accepted: give a finite number.` };
}

/** Returns the wrong upstream fields this value is consistent with, or null. */
function tryCarryForward(
  field: NumericField,
  value: number,
  tolerance: Tolerance,
  input: NumericGradingInput,
  parsed: Map<string, Parsed>,
  statuses: Map<string, FieldResult['status']>,
): string[] | null {
  if (!field.derive) return null;
  const upstream: Record<string, number> = {};
  const wrongUpstream: string[] = [];
  for (const name of field.derive.from) {
    const p = parsed.get(name);
    if (!p) return null; // missing or invalid upstream: nothing to carry from
    upstream[name] = p.value;
    if (statuses.get(name) !== 'correct') wrongUpstream.push(name);
  }
  if (wrongUpstream.length === 0) return null;
  for (const name of wrongUpstream) {
    const upstreamField = input.fields.find((f) => f.name === name);
    if (!upstreamField || !isPlausible(upstream[name]!, input.reference[name]!, upstreamField)) return null;
  }
  let recomputed: number;
  try {
    recomputed = field.derive.compute(input.params, upstream);
  } catch {
    return null;
  }
  return isClose(value, recomputed, tolerance) ? wrongUpstream : null;
}

/**
 * Anti-gaming: carried credit needs an upstream value that could be a genuine attempt. A trivial value
 * (0, ±1) where the true value is not trivial, or a value outside the range the quantity can take,
 * would let a student type 0 upstream and "carry" easy downstream arithmetic.
 */
export function isPlausible(value: number, trueValue: number, field: NumericField): boolean {
  if (!Number.isFinite(value)) return false;
  const tolerance = field.tolerance ?? DEFAULT_TOLERANCE;
  for (const trivial of [0, 1, -1]) {
    if (value === trivial && !isClose(trivial, trueValue, tolerance)) return false;
  }
  const range = field.plausible;
  if (range) {
    if (range.open ? value <= range.min || value >= range.max : value < range.min || value > range.max) return false;
  }
  return true;
}

function diagnoseScalar(value: number, expected: number, tolerance: Tolerance) {
  const diagnosis = diagnoseMistake(value, expected, { tolerance });
  // For a single number any wrong value is "a scaled reference": only name the telling factors.
  if (!diagnosis || !['sign-flipped', 'scaled-by-2', 'scaled-by-0.5'].includes(diagnosis.mistake)) return null;
  return diagnosis;
}
