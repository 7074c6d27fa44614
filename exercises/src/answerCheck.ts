import { FLOAT32_SLACK, effectiveReference, isWithinTolerance, type Tolerance } from './tolerance';

/**
 * The second half of the rule: what a typed answer must show. An answer typed with fewer significant figures (or
 * decimal places) than the field asks for is not correct unless it equals the reference, because "0.75" for
 * 0.7503 at 3 figures is a rounding the student did not finish. More figures than asked are fine: keeping
 * precision is not a mistake. A JSON number has no written figures (0.750 arrives as 0.75), so only its value is
 * checked.
 */

/** A plain decimal as the grader's parser normalises it: optional sign, digits with a dot, optional exponent. */
const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * How many significant figures a typed number shows. An integer's trailing zeros may or may not be significant
 * ("1000" shows 1 to 4), so this is a range; a zero shows its decimals ("0.00": 2) or 1. Null when `text` is not a
 * plain decimal.
 */
export function significantFigures(text: string): { min: number; max: number } | null {
  if (!PLAIN_DECIMAL.test(text)) return null;
  const mantissa = text.replace(/^[+-]/, '').replace(/[eE].*$/, '');
  const hasPoint = mantissa.includes('.');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (digits === '') {
    const decimals = hasPoint ? mantissa.split('.')[1]!.length : 0;
    return { min: Math.max(1, decimals), max: Math.max(1, decimals) };
  }
  if (hasPoint) return { min: digits.length, max: digits.length };
  const withoutTrailingZeros = digits.replace(/0+$/, '').length;
  return { min: withoutTrailingZeros, max: digits.length };
}

/** How many decimal places a typed number shows ("1.50e-3": 5; "1500": 0). Null when not a plain decimal. */
export function decimalPlaces(text: string): number | null {
  if (!PLAIN_DECIMAL.test(text)) return null;
  const [mantissa = '', exponent = '0'] = text.replace(/^[+-]/, '').split(/[eE]/);
  const written = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
  return Math.max(0, written - Number(exponent));
}

/** Equal to the reference up to float32's own rounding of it (0.7 typed for a float32 0.699999988 is equal). */
export function equalsReference(answer: number, reference: number): boolean {
  return answer === reference || Math.abs(answer - reference) <= FLOAT32_SLACK * Math.abs(reference);
}

/** What an answer needs to show under this tolerance, and how much it shows. */
export type Shortfall = { unit: 'significant figures' | 'decimal places'; asked: number; shown: number };

/** The written-precision shortfall of a typed answer, or null when it shows enough (or the mode asks for nothing). */
export function writtenShortfall(text: string, tolerance: Tolerance): Shortfall | null {
  if (tolerance.mode === 'sigfigs') {
    const figures = significantFigures(text);
    if (figures && figures.max < tolerance.digits) return { unit: 'significant figures', asked: tolerance.digits, shown: figures.max };
  }
  if (tolerance.mode === 'decimals') {
    const places = decimalPlaces(text);
    if (places !== null && places < tolerance.places) return { unit: 'decimal places', asked: tolerance.places, shown: places };
  }
  return null;
}

export type AnswerVerdict = { correct: true } | { correct: false; shortfall?: Shortfall };

/**
 * The whole rule for one answer: its value within the tolerance of the reference, and, when it was typed, enough
 * figures shown (unless it equals the reference). `text` is the answer as typed, normalised by the parser.
 */
export function checkAnswer(answer: { value: number; text?: string }, reference: number, tolerance: Tolerance): AnswerVerdict {
  const shortfall = answer.text === undefined ? null : writtenShortfall(answer.text, tolerance);
  if (shortfall && !equalsReference(answer.value, effectiveReference(reference, tolerance))) return { correct: false, shortfall };
  return isWithinTolerance(answer.value, reference, tolerance) ? { correct: true } : { correct: false };
}

/** "Give 3 significant figures: 0.75 shows 2." — the message of a shortfall. */
export function describeShortfall(text: string, shortfall: Shortfall): string {
  return `Give ${shortfall.asked} ${shortfall.unit}: ${text} shows ${shortfall.shown}.`;
}
