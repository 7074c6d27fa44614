import type { LatePolicy } from '@deltalab/db';

/** What a course does with a submission after the due date (the course's policy, set by its instructors). */
export interface LateRules {
  latePolicy: LatePolicy;
  /** Fraction of the score a late submission loses under `penalize` (0..1). */
  latePenalty: number;
}

/** The factor a late submission's score is multiplied by (1 when on time or when the course accepts late work as is). */
export function lateScoreFactor(late: boolean, rules: LateRules): number {
  return late && rules.latePolicy === 'penalize' ? Math.max(0, 1 - rules.latePenalty) : 1;
}

/** One sentence for students: what happens to a submission after the due date. */
export function describeLatePolicy(rules: LateRules): string {
  switch (rules.latePolicy) {
    case 'accept':
      return 'Late submissions are graded as usual and marked late.';
    case 'penalize':
      return `Late submissions are graded, marked late, and lose ${Math.round(rules.latePenalty * 100)}% of their score.`;
    case 'refuse':
      return 'Submissions after the due date are not accepted.';
  }
}
