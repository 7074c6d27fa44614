/**
 * The size limits of a code exercise, and the one conversion of them to bytes: 1 kB = 1024 bytes, everywhere.
 * The web refuses oversized code before it uses up an attempt, and the grader's sandbox enforces the same number,
 * so no submission can pass one and fail the other. Browser-safe.
 */
export const BYTES_PER_KB = 1024;

export interface CodeLimits {
  /** All cases of one grading job together. */
  timeMs: number;
  memoryMb: number;
  /** UTF-8 size of the submitted source, in kB of 1024 bytes. */
  sourceKb: number;
  /** Everything the functions return, all cases together, in kB of 1024 bytes. */
  outputKb: number;
}

export const DEFAULT_CODE_LIMITS: CodeLimits = { timeMs: 2000, memoryMb: 64, sourceKb: 100, outputKb: 1024 };

export function sourceLimitBytes(limits: Pick<CodeLimits, 'sourceKb'>): number {
  return limits.sourceKb * BYTES_PER_KB;
}

export function outputLimitBytes(limits: Pick<CodeLimits, 'outputKb'>): number {
  return limits.outputKb * BYTES_PER_KB;
}

/** UTF-8 bytes of a text (TextEncoder: the same count in Node and in the browser). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "101.2 kB": bytes in the unit the limits are written in. */
export function formatKb(bytes: number): string {
  return `${(bytes / BYTES_PER_KB).toFixed(1)} kB`;
}

/** Why this source is too large for these limits (of exercise `slug`, when given), or null when it fits. */
export function sourceSizeRefusal(source: string, limits: Pick<CodeLimits, 'sourceKb'>, slug?: string): string | null {
  const bytes = utf8Bytes(source);
  const limit = sourceLimitBytes(limits);
  if (bytes <= limit) return null;
  const whose = slug === undefined ? '' : ` for '${slug}'`;
  return `Your code is ${formatKb(bytes)} (${bytes} bytes); the limit${whose} is ${limits.sourceKb} kB (${limit} bytes).`;
}
