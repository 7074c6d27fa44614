import type { Tolerance } from '@deltalab/exercises/rules';
import type { LateRules } from '@/lib/latePolicy';
import type { SubmissionView } from '@/server/services/submissions/getSubmission';
/** Plain data the server hands to the exercise page's client components. */

/**
 * A submission as the server hands it to the page and the API (`submissionView`): the server's own type, so the two
 * cannot drift apart. Type-only: nothing of the server reaches the browser bundle.
 */
export type SubmissionSummary = Omit<SubmissionView, 'exerciseId' | 'hidden' | 'regrades'> &
  // The page also makes some itself (a submission just sent, an instructor's preview grade): without these.
  Partial<Pick<SubmissionView, 'hidden' | 'regrades'>>;

/** The code a submission sent, if it sent code. */
export function submittedCode(submission: SubmissionSummary): string | undefined {
  return 'code' in submission.payload ? submission.payload.code : undefined;
}

/** The answers a submission sent (numeric fields, or a choice's `selected`), if it sent answers. */
export function submittedAnswers(submission: SubmissionSummary): Record<string, string | number | string[]> | undefined {
  return 'answers' in submission.payload ? submission.payload.answers : undefined;
}

export interface NumericFieldView {
  name: string;
  labelHtml: string;
  unit?: string;
  hint?: string;
  /** The field's rule in one sentence, when it is not the course default (e.g. 6 significant figures). */
  rule?: string;
  /** An expression field: its names (with how the preview typesets them) and the functions it allows. */
  expression?: { variables: { name: string; latex: string }[]; functions: string[] };
}

export interface ChoiceOptionView {
  id: string;
  textHtml: string;
}

interface VisibleCaseView {
  name: string;
  entry: string;
  args: unknown[];
  expected: unknown;
}

export interface CodeSetup {
  starter: string;
  draft: string | null;
  typeDeclarations: string;
  signatures: string[];
  visibleCases: VisibleCaseView[];
  timeLimitMs: number;
  tolerance: Tolerance;
  /** The student may import '@tensorflow/tfjs': Run loads tfjs (with a backend probe) and Monaco its types. */
  usesTf?: boolean;
}

export interface ExerciseRules {
  maxAttempts: number | null;
  attemptsUsed: number;
  dueAt: string | null;
  /** Fraction of the points each attempt after the first loses (0: none). */
  pointsDecayPerAttempt: number;
  /** The course's IANA time zone: due dates are shown on its clock. */
  timeZone: string;
  latePolicy: LateRules['latePolicy'];
  latePenalty: number;
}
