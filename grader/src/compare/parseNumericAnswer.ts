/**
 * What a student typed, as a number and as normalised text: the text keeps the figures they wrote ("0.750"), which
 * the rule checks (`checkAnswer` in @deltalab/exercises/rules).
 */
export type ParsedNumber = { ok: true; value: number; text: string } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+([eE][+-]?\d+)?$/;
/** Typographic minus (U+2212) and en dash, common when pasting from the notes: as a sign and in an exponent. */
const TYPOGRAPHIC_MINUS = /^[\u2212\u2013]|(?<=[eE])[\u2212\u2013]/g;

/**
 * Parses what a student typed into a numeric field: `0.082`, `8.2e-2`, `-0.0226`, `8.2e−2`, and a decimal comma
 * when it cannot be a thousands separator (`0,0822`, `12,5`; but not `1,234`). Anything else is rejected with a
 * message that says what to type instead.
 */
export function parseNumericAnswer(input: string): ParsedNumber {
  const text = input.trim().replace(TYPOGRAPHIC_MINUS, '-');
  if (text === '') return { ok: false, message: 'Empty answer: type a number such as 0.082.' };
  if (text.length > 64) return { ok: false, message: 'That is too long to be a number.' };
  if (/^[+-]?(nan|inf|infinity|∞)$/i.test(text)) {
    return { ok: false, message: `"${text}" is not accepted: give a finite number.` };
  }
  if (/\s/.test(text)) return { ok: false, message: `"${text}" contains spaces: type a single number such as 0.082.` };
  if (/^[+-]?0[xob]/i.test(text)) return { ok: false, message: `"${text}": only decimal numbers are accepted.` };
  if (text.includes('/')) {
    return { ok: false, message: `"${text}" looks like a fraction: give it as a decimal, e.g. 0.25 instead of 1/4.` };
  }
  if (text.endsWith('%')) {
    return { ok: false, message: `"${text}" is a percentage: give it as a decimal, e.g. 0.5 instead of 50%.` };
  }
  if (DECIMAL.test(text)) return inRange(text);
  if (DECIMAL_COMMA.test(text)) {
    const [whole = '', rest = ''] = text.replace(/^[+-]/, '').split(',');
    const fraction = rest.replace(/[eE].*$/, '');
    const exponent = rest.slice(fraction.length);
    // `1,234` could be one thousand two hundred and thirty-four; `0,234` and `12,5` cannot.
    if (fraction.length === 3 && !/^0+$/.test(whole)) {
      const sign = text.startsWith('-') ? '-' : '';
      return {
        ok: false,
        message: `"${text}" is ambiguous (decimal comma or thousands separator?): write it with a dot, e.g. ${sign}${whole}.${fraction}${exponent}.`,
      };
    }
    return inRange(text.replace(',', '.'));
  }
  if ((text.match(/[.,]/g) ?? []).length > 1) {
    return { ok: false, message: `"${text}" has more than one decimal separator: type a single number such as 0.082.` };
  }
  if (/[eE][+-]?$/.test(text)) {
    return { ok: false, message: `"${text}" has an incomplete exponent: write e.g. 8.2e-2.` };
  }
  return { ok: false, message: `"${text}" is not a number: type digits with a decimal point, e.g. 0.082 or 8.2e-2.` };
}

/** A plain decimal that float64 holds: not one that overflows to ∞, nor one that quietly underflows to 0. */
function inRange(text: string): ParsedNumber {
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is out of range: it is too large to be a number here.` };
  const mantissaIsZero = /^[+-]?[0.]*([eE].*)?$/.test(text);
  if (value === 0 && !mantissaIsZero) {
    return { ok: false, message: `"${text}" is out of range: it is too small to be told apart from 0. Check the exponent.` };
  }
  return { ok: true, value, text };
}
