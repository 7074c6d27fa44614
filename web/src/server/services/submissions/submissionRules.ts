/** Course-wide submission rules (the per-exercise ones — attempts, decay, due date — live in course_exercises). */
export interface SubmissionRules {
  /** At most `max` submissions per student in any `windowMs` (all exercises together). */
  rateLimit: { max: number; windowMs: number };
}

export const defaultSubmissionRules: SubmissionRules = {
  rateLimit: { max: 5, windowMs: 60_000 },
};

/** Score after the course's per-attempt decay: attempt 1 keeps everything, each later one loses `decay`. */
export function decayedScore(rawScore: number, attempt: number, decay: number): number {
  const factor = Math.max(0, 1 - decay * Math.max(0, attempt - 1));
  return Math.max(0, Math.min(1, rawScore * factor));
}
