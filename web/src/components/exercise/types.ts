import type { Tolerance } from '@deltalab/exercises/rules';
import type { LateRules } from '@/lib/latePolicy';
/** Plain data the server hands to the exercise page's client components. */

export type SubmissionStatus = 'queued' | 'running' | 'graded' | 'failed';

export interface SubmissionSummary {
  id: string;
  status: SubmissionStatus;
  score: number | null;
  passed: boolean | null;
  result: unknown;
  failureMessage: string | null;
  late: boolean;
  attempt: number;
  countsAsAttempt: boolean;
  /** As stored: typed answers are strings, API clients may send JSON numbers, a choice is `selected`. */
  payload: { code?: string; answers?: Record<string, string | number | string[]> };
  createdAt: string;
  gradedAt: string | null;
  /** Regrades applied to it: when, and the score before and after (the student sees the change). */
  regrades?: { appliedAt: string; fromScore: number | null; toScore: number | null; reason: string }[];
}

export interface NumericFieldView {
  name: string;
  labelHtml: string;
  unit?: string;
  hint?: string;
  /** The field's rule in one sentence, when it is not the course default (e.g. 6 significant figures). */
  rule?: string;
}

export interface ChoiceOptionView {
  id: string;
  textHtml: string;
}

export interface VisibleCaseView {
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
