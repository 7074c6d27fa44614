import type { NumericField } from '@deltalab/exercises';
import {
  checkAnswer,
  DEFAULT_TOLERANCE,
  describeShortfall,
  describeTolerance,
  isWithinTolerance,
  type AnswerVerdict,
  type Tolerance,
} from '@deltalab/exercises/rules';
import { diagnoseMistake } from '../compare/diagnoseMistake';
import { parseNumericAnswer, type ParsedNumber } from '../compare/parseNumericAnswer';
import type { FieldResult } from '../protocol';

export type NumericGradingInput = {
  fields: NumericField[];
  /** The reference's value of every field for this variant. */
  reference: Record<string, number>;
  /** What the student typed, per field name. */
  answers: Record<string, string | number>;
  /** Fraction of a field's credit for `carried` (0..1). */
  carriedCredit: number;
  /**
   * A field recomputed with the reference's own formula from the student's upstream values (error carried forward),
   * or undefined when it is not known (yet: see gradeNumericSubmission) or cannot be computed. Called only for a wrong
   * field with a `derive` whose upstream values are all given, some of them wrong but plausible.
   */
  derived: (field: string, upstream: Record<string, number>) => number | undefined;
};

/** A parsed answer: its value, and the text as typed when it was typed (a JSON number has none). */
type Parsed = { value: number; text?: string } | null;

/**
 * Grades each field in order: `correct` when it meets the rule against the reference (value and, for a typed
 * answer, the figures shown), `carried` when it meets it against the value recomputed with the reference's own
 * formula from the student's wrong upstream values, else `wrong` (saying how many figures to give when too few
 * were shown), `missing` or `invalid`.
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
    const answer = { value: number.value, ...(number.text === undefined ? {} : { text: number.text }) };
    const value = answer.value;
    parsed.set(field.name, answer);

    const verdict = checkAnswer(answer, expected, tolerance);
    if (verdict.correct) {
      statuses.set(field.name, 'correct');
      results.push({ name: field.name, status: 'correct', credit: 1, value, message: 'Correct.' });
      continue;
    }

    const carried = tryCarryForward(field, answer, tolerance, input, parsed, statuses);
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
      message: wrongMessage(answer, verdict, tolerance, diagnosis?.message),
      ...(diagnosis ? { diagnosis } : {}),
    });
  }
  return results;
}

/** A JSON number (API clients): finite, and with no written figures to check. */
function finiteOrError(value: number): { ok: true; value: number; text?: undefined } | Extract<ParsedNumber, { ok: false }> {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `${value} is not accepted: give a finite number.` };
}

/** The telling mistake (a flipped sign, a factor 2) first; then how many figures to give when too few were shown; else the rule. */
function wrongMessage(answer: { text?: string }, verdict: AnswerVerdict, tolerance: Tolerance, diagnosis: string | undefined): string {
  if (diagnosis) return `Not correct. ${diagnosis}`;
  if (!verdict.correct && verdict.shortfall && answer.text !== undefined)
    return `Not correct. ${describeShortfall(answer.text, verdict.shortfall)}`;
  return `Not correct. ${describeTolerance(tolerance)}`;
}

/** Returns the wrong upstream fields this value is consistent with, or null. */
function tryCarryForward(
  field: NumericField,
  answer: { value: number; text?: string },
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
  const recomputed = input.derived(field.name, upstream);
  if (recomputed === undefined) return null;
  return checkAnswer(answer, recomputed, tolerance).correct ? wrongUpstream : null;
}

/**
 * Anti-gaming: carried credit needs an upstream value that could be a genuine attempt. A trivial value
 * (0, ±1) where the true value is not trivial, or a value outside the range the quantity can take,
 * would let a student type 0 upstream and "carry" easy downstream arithmetic.
 */
function isPlausible(value: number, trueValue: number, field: NumericField): boolean {
  if (!Number.isFinite(value)) return false;
  const tolerance = field.tolerance ?? DEFAULT_TOLERANCE;
  for (const trivial of [0, 1, -1]) {
    if (value === trivial && !isWithinTolerance(trivial, trueValue, tolerance)) return false;
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
