import type { StudentFilter } from '@deltalab/db';
import { sectionInput } from '../people/roster';
import { SubmissionError } from '../submissions/submissionError';

/** `?section=` of a dashboard, export or page URL: one section's students (absent or empty: everyone counted). */
export function studentFilterOf(params: URLSearchParams | Record<string, string | string[] | undefined>): StudentFilter {
  const raw = params instanceof URLSearchParams ? params.get('section') : params.section;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null) return {};
  const parsed = sectionInput.safeParse(value);
  if (!parsed.success) throw new SubmissionError('invalid-request', `section: ${parsed.error.issues[0]!.message}`);
  return { section: parsed.data };
}
