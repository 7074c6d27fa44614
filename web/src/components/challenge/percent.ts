/** An accuracy (0..1) as a percentage, or — when there is none. */
export function percent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)} %`;
}
