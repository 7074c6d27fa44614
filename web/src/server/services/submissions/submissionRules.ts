/** Course-wide submission rules (the per-exercise ones — attempts, decay, due date — live in course_exercises). */
export interface SubmissionRules {
  /** At most `max` submissions per student in any `windowMs` (all exercises together). */
  rateLimit: { max: number; windowMs: number };
}

export const defaultSubmissionRules: SubmissionRules = {
  rateLimit: { max: 5, windowMs: 60_000 },
};
