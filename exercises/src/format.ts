/** Number and matrix formatting: statements (KaTeX), grader messages and Run in the browser all use formatNumber. */

/**
 * A number as people read it: at most `figures` significant figures and no float noise (0.30000000000000004 → 0.3),
 * NaN and ±Infinity by name, −0 as 0. The default 12 keeps every given of a statement exact; messages that compare
 * an answer with the reference use 6. Browser-safe.
 */
export function formatNumber(value: number, figures = 12): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const rounded = Number(value.toPrecision(figures));
  return rounded === 0 ? '0' : String(rounded);
}

/** Column vector as a KaTeX bmatrix. */
export function latexColumn(values: readonly number[]): string {
  return `\\begin{bmatrix} ${values.map((v) => formatNumber(v)).join(' \\\\ ')} \\end{bmatrix}`;
}

/** Row vector [a, b, c]. */
export function latexRow(values: readonly number[]): string {
  return `\\begin{bmatrix} ${values.map((v) => formatNumber(v)).join(' & ')} \\end{bmatrix}`;
}

export function latexMatrix(rows: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix} ${rows.map((row) => row.map((v) => formatNumber(v)).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/** Plain list "0.1, 0.2". */
export function formatList(values: readonly number[]): string {
  return values.map((v) => formatNumber(v)).join(', ');
}
