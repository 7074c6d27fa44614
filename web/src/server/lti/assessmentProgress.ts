import type { LtiActivityProgress, LtiGradingProgress } from '@deltalab/db';
import { creditAt, instanceState, type AssessmentTiming, type OverrideRule } from '@/lib/assessmentRules';

/** What an assessment's score for the LMS is made of: the gradebook's points and the student's standing in it. */
export interface AssessmentStanding {
  timing: AssessmentTiming;
  override?: OverrideRule;
  /** An exam's scores are hidden from students until released (null: not released). Homework ignores it. */
  scoresReleasedAt: Date | null;
  /** The student's exam instance (null: not started, or a homework). */
  instance: { startedAt: Date; closedAt: Date | null } | null;
  /** The gradebook's points for the student and the assessment's maximum. */
  earned: number;
  maxPoints: number;
  /** How many of the student's questions have a grade, of how many they get. */
  answered: { graded: number; questions: number };
  /** A submission to one of its questions is still being graded. */
  grading: boolean;
  /** The line item's scoreMaximum (scores are sent on the LMS column's scale). */
  lineItemMaximum: number;
}

/**
 * The AGS score of one student in one assessment (one score per assessment, like PrairieLearn's):
 * - activityProgress: `Completed` once the assessment is closed for the student (an exam finished, timed out or past its
 *   deadline; a homework past its last deadline) or at full marks; `Submitted` when every question has a grade (they may
 *   still improve it); `InProgress` when some have; `Started` for an exam begun with nothing graded; `Initialized` else.
 * - gradingProgress: `Pending` while a submission is still grading, and for an exam whose scores are not released yet
 *   (sent without a score: the LMS must not show what Deltalab hides); `NotReady` before anything is graded; else
 *   `FullyGraded`.
 */
export function assessmentScore(
  standing: AssessmentStanding,
  now: Date,
): { scoreGiven: number | null; activityProgress: LtiActivityProgress; gradingProgress: LtiGradingProgress } {
  const { timing, override, instance, answered } = standing;
  const closed =
    timing.type === 'exam' && instance
      ? !instanceState(timing, instance, now, override).open
      : creditAt(timing, now, override).phase === 'view-only';
  const hidden = timing.type === 'exam' && (standing.scoresReleasedAt === null || standing.scoresReleasedAt.getTime() > now.getTime());
  const full = !hidden && standing.maxPoints > 0 && standing.earned >= standing.maxPoints;
  const activityProgress: LtiActivityProgress =
    closed || full
      ? 'Completed'
      : answered.graded === 0
        ? instance
          ? 'Started'
          : 'Initialized'
        : answered.graded < answered.questions
          ? 'InProgress'
          : 'Submitted';
  const nothingYet = answered.graded === 0 && !closed;
  if (hidden || nothingYet)
    return { scoreGiven: null, activityProgress, gradingProgress: nothingYet && !standing.grading ? 'NotReady' : 'Pending' };
  const fraction = standing.maxPoints > 0 ? Math.min(1, standing.earned / standing.maxPoints) : 0;
  return {
    scoreGiven: Math.round(fraction * standing.lineItemMaximum * 1e6) / 1e6,
    activityProgress,
    gradingProgress: standing.grading ? 'Pending' : 'FullyGraded',
  };
}
