/** Number and matrix formatting for statements (KaTeX). */

/** Shortest faithful decimal for a given number (no float noise like 0.30000000000000004). */
export function formatNumber(value: number, maxDecimals = 6): string {
  const rounded = Number(value.toFixed(maxDecimals));
  return Object.is(rounded, -0) ? '0' : String(rounded);
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
