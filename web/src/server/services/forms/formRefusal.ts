import type { z } from 'zod';

/** A form the server refused: one line on top, and the first message for each field under its input. */
export interface FormRefusal<F extends string> {
  ok: false;
  message: string;
  fieldErrors: Partial<Record<F, string>>;
}

/**
 * Turns a failed zod parse of a form into the refusal the form shows. Values no form sends (not an object, a key the
 * form does not have: a hand-made call) have no field to highlight, so the message says what is wrong instead.
 */
export function formRefusal<F extends string>(error: z.ZodError): FormRefusal<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as F | undefined;
    if (field !== undefined && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  if (Object.keys(fieldErrors).length === 0)
    return { ok: false, message: `The form's data is not what this form sends: ${error.issues[0]?.message ?? 'unreadable'}.`, fieldErrors };
  return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors };
}
