export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+([eE][+-]?\d+)?$/;

/**
 * Parses what a student typed into a numeric field: `0.082`, `8.2e-2`, `-0.0226`, and a decimal comma
 * when it cannot be a thousands separator (`0,0822`, `12,5`; but not `1,234`). Anything else is
 * rejected with a message that says what to type instead.
 */
export function parseNumericAnswer(input: string): ParsedNumber {
  // Typographic minus and surrounding whitespace are common when pasting from the notes.
  const text = input.trim().replace(/^[\u2212\u2013]/, '-');
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
  if (DECIMAL.test(text)) return finite(Number(text), text);
  if (DECIMAL_COMMA.test(text)) {
    const [whole = '', rest = ''] = text.replace(/^[+-]/, '').split(',');
    const fraction = rest.replace(/[eE].*$/, '');
    // `1,234` could be one thousand two hundred and thirty-four; `0,234` and `12,5` cannot.
    if (fraction.length === 3 && !/^0+$/.test(whole)) {
      return {
        ok: false,
        message: `"${text}" is ambiguous (decimal comma or thousands separator?): write it with a dot, e.g. ${whole}.${fraction}.`,
      };
    }
    return finite(Number(text.replace(',', '.')), text);
  }
  if ((text.match(/[.,]/g) ?? []).length > 1) {
    return { ok: false, message: `"${text}" has more than one decimal separator: type a single number such as 0.082.` };
  }
  if (/[eE]$/.test(text) || /[eE][+-]?$/.test(text)) {
    return { ok: false, message: `"${text}" has an incomplete exponent: write e.g. 8.2e-2.` };
  }
  return { ok: false, message: `"${text}" is not a number: type digits with a decimal point, e.g. 0.082 or 8.2e-2.` };
}

function finite(value: number, text: string): ParsedNumber {
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is out of range.` };
  return { ok: true, value };
}
