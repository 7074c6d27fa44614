import { greekNames } from './normalise';

/**
 * The LaTeX a MathLive math field holds, as the plain text the grader reads: \frac{a}{b} → (a)/(b), x^{2} → x^(2),
 * out_{h1} → out_h1 (letters and a subscript make one name, never a product), \sigma\left(z\right) → sigma(z),
 * \cdot → *; w_{5} → w5 when w5, not w_5, is declared. The page submits this text, and the "read as" preview
 * parses the very same text. What it does not know
 * passes through (a backslash), so the parser refuses it with a message rather than guessing.
 */
export function latexToExpressionText(latex: string, variables: readonly string[] = []): string {
  const reader = new LatexReader(latex);
  const text = reader.sequence(undefined).replace(/\s+/g, ' ').trim();
  // A subscript is how a math field writes w5 or z1 (w_{5}): such a name is the declared one without the underscore.
  return text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => {
    if (!name.includes('_') || variables.includes(name)) return name;
    const joined = name.replaceAll('_', '');
    return variables.includes(joined) ? joined : name;
  });
}

const wordCommands = new Set([...Object.values(greekNames), 'exp', 'log', 'ln', 'tanh', 'sigma', 'pi']);
const multiply = new Set(['cdot', 'times', 'ast', 'bullet']);
const spacing = new Set([',', ';', ':', '!', ' ', 'quad', 'qquad', 'enspace', 'thinspace']);
const textWrappers = new Set(['operatorname', 'mathrm', 'mathit', 'text', 'textrm', 'textit', 'mathbf', 'mathsf', 'mathnormal']);
const fractions = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);

class LatexReader {
  private index = 0;
  private out = '';
  /** A word (σ, exp) was just written: a following letter starts a new name. */
  private afterWord = false;

  constructor(private readonly latex: string) {}

  /** Reads until the end or the closing `}` of the current group. */
  sequence(close: '}' | undefined): string {
    const saved = this.out;
    this.out = '';
    while (this.index < this.latex.length) {
      const c = this.latex[this.index]!;
      if (c === '}' && close === '}') {
        this.index++;
        break;
      }
      this.item();
    }
    const result = this.out;
    this.out = saved;
    return result;
  }

  private emit(text: string) {
    if (this.afterWord && /^[A-Za-z0-9]/.test(text)) this.out += ' ';
    this.afterWord = false;
    this.out += text;
  }

  private word(name: string) {
    if (/[A-Za-z0-9_]$/.test(this.out)) this.out += ' ';
    this.out += name;
    this.afterWord = true;
  }

  /** One argument: a {group}, a command, or a single character. */
  private argument(): string {
    this.skipSpaces();
    const saved = this.out;
    const savedAfter = this.afterWord;
    this.out = '';
    this.afterWord = false;
    if (this.latex[this.index] === '{') {
      this.index++;
      this.out = this.sequence('}');
    } else if (this.index < this.latex.length) this.item();
    const result = this.out;
    this.out = saved;
    this.afterWord = savedAfter;
    return result.trim();
  }

  private skipSpaces() {
    while (this.latex[this.index] === ' ') this.index++;
  }

  private command(): string {
    const rest = this.latex.slice(this.index + 1);
    const name = /^[A-Za-z]+/.exec(rest)?.[0] ?? rest.slice(0, 1);
    this.index += 1 + name.length;
    // As in TeX, spaces after a control word only end it.
    if (/^[A-Za-z]/.test(name)) this.skipSpaces();
    return name;
  }

  private item() {
    const c = this.latex[this.index]!;
    if (c === '{') {
      this.index++;
      this.emit(`(${this.sequence('}')})`);
    } else if (c === '^') {
      this.index++;
      this.emit(`^(${this.argument()})`);
    } else if (c === '_') {
      this.index++;
      // A subscript continues the name before it: out_{h1} → out_h1.
      this.out += `_${this.argument().replace(/[\s()]/g, '')}`;
      this.afterWord = false;
    } else if (c === '\\') this.commandItem();
    else {
      this.index++;
      this.emit(c === '~' ? ' ' : c);
    }
  }

  private commandItem() {
    const name = this.command();
    if (fractions.has(name)) {
      const numerator = this.argument();
      const denominator = this.argument();
      this.emit(`((${numerator})/(${denominator}))`);
    } else if (name === 'sqrt') {
      this.skipSpaces();
      if (this.latex[this.index] === '[') {
        const end = this.latex.indexOf(']', this.index);
        const degree = new LatexReader(this.latex.slice(this.index + 1, end < 0 ? undefined : end)).sequence(undefined);
        this.index = end < 0 ? this.latex.length : end + 1;
        this.emit(`((${this.argument()})^(1/(${degree})))`);
      } else this.emit(`sqrt(${this.argument()})`);
    } else if (name === 'left' || name === 'mleft' || name === 'bigl' || name === 'Bigl') this.delimiter('(');
    else if (name === 'right' || name === 'mright' || name === 'bigr' || name === 'Bigr') this.delimiter(')');
    else if (name === 'lparen') this.emit('(');
    else if (name === 'rparen') this.emit(')');
    else if (multiply.has(name)) this.emit('*');
    // MathLive turns a typed ** into \star: it was a power.
    else if (name === 'star') this.emit('^');
    else if (name === 'div') this.emit('/');
    else if (spacing.has(name)) this.emit(' ');
    else if (name === 'placeholder') this.argument();
    else if (name === 'exponentialE') this.word('e');
    else if (name === '_') this.out += '_';
    else if (textWrappers.has(name)) this.word(this.argument().replace(/\s+/g, ''));
    else if (name === 'varepsilon') this.word('epsilon');
    else if (name === 'varphi') this.word('phi');
    else if (wordCommands.has(name)) this.word(name);
    else this.emit(`\\${name} `);
  }

  /** \left( … \right): the delimiter is a character or a command (\lbrace, \vert); `.` is none. */
  private delimiter(kind: '(' | ')') {
    this.skipSpaces();
    const c = this.latex[this.index];
    if (c === '\\') this.command();
    else this.index++;
    if (c !== '.') this.emit(kind);
  }
}
