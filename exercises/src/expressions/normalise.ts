/**
 * What a student types, made into what mathjs's parser reads: typographic operators (·, ×, −, ÷), superscript
 * powers (x², x⁻¹), `**`, Greek letters as names (σ → sigma, λ → lambda), full-width forms. Keeps, for every
 * character it writes, the position it came from, so errors point into the text as typed.
 */

const operatorCharacters: Record<string, string> = {
  '·': '*',
  '⋅': '*',
  '×': '*',
  '∗': '*',
  '•': '*',
  '÷': '/',
  '∕': '/',
  '−': '-',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '﹣': '-',
  '－': '-',
};

const superscripts: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

/** Greek letters (and √, π) as the names students would type; σ and sigma are the same. */
export const greekNames: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  '√': 'sqrt',
};

/** Characters that may reach the parser: names, numbers, the operators, parentheses (and the comma, to explain it). */
const allowedCharacter = /^[A-Za-z0-9_ .,+\-*/^()]$/;

export type Normalised = { ok: true; text: string; origin: number[] } | { ok: false; character: string; position: number };

const isNameCharacter = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

export function normaliseExpressionText(input: string): Normalised {
  let text = '';
  const origin: number[] = [];
  const emit = (piece: string, from: number) => {
    text += piece;
    for (let k = 0; k < piece.length; k++) origin.push(from);
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (/\s/.test(c)) emit(' ', i);
    else if (c === '*' && input[i + 1] === '*') {
      emit('^', i);
      i++;
    } else if (operatorCharacters[c]) emit(operatorCharacters[c], i);
    else if (superscripts[c]) {
      let power = '';
      const start = i;
      while (i < input.length && superscripts[input[i]!]) power += superscripts[input[i++]!];
      i--;
      emit(`^(${power})`, start);
    } else if (greekNames[c]) {
      // A Greek letter is a name of its own: σz is σ·z, never a name "sigmaz".
      const before = isNameCharacter(text[text.length - 1]) ? ' ' : '';
      const after = isNameCharacter(input[i + 1]) ? ' ' : '';
      emit(`${before}${greekNames[c]}${after}`, i);
    } else {
      const folded = c.charCodeAt(0) > 127 ? c.normalize('NFKC') : c;
      if (folded.length !== 1 || !allowedCharacter.test(folded)) return { ok: false, character: c, position: i + 1 };
      emit(folded, i);
    }
  }
  return { ok: true, text, origin };
}
