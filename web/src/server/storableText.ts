import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL could not store this text as sent, or null when it can: its text and jsonb refuse NUL, and a lone
 * UTF-16 surrogate would be stored as U+FFFD, something the user never sent.
 */
export function unstorableTextReason(text: string): string | null {
  if (text.includes('\0')) return 'text may not contain the NUL character (\\u0000).';
  if (LONE_SURROGATE.test(text)) return 'text holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair).';
  return null;
}

/** A form's string field that the database can store as typed (checked before trimming or any other rule). */
export function storableString(params?: { error: string }): z.ZodString {
  return z.string(params).refine((text) => unstorableTextReason(text) === null, {
    error: (issue) => `This field's ${unstorableTextReason(String(issue.input))}`,
  });
}
