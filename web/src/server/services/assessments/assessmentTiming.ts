import { randomBytes } from 'node:crypto';
import type { Assessment, AssessmentOverride } from '@deltalab/db';
import { drawUnits, type AssessmentTiming, type PoolSlot } from '@/lib/assessmentRules';

/** An assessment's dates and limits as the rules read them. */
export function timingOf(
  assessment: Pick<Assessment, 'type' | 'releaseAt' | 'dueAt' | 'lateDeadlines' | 'afterLastDeadline' | 'timeLimitMinutes'>,
): AssessmentTiming {
  return {
    type: assessment.type,
    releaseAt: assessment.releaseAt,
    dueAt: assessment.dueAt,
    lateDeadlines: assessment.lateDeadlines,
    afterLastDeadline: assessment.afterLastDeadline,
    timeLimitMinutes: assessment.timeLimitMinutes,
  };
}

/** The overrides of one assessment among a student's. */
export function overridesOf(overrides: AssessmentOverride[], assessmentId: string): AssessmentOverride[] {
  return overrides.filter((o) => o.assessmentId === assessmentId);
}

/** A fresh draw for a pool slot: a random seed, recorded with the exercises it gives (whole groups). */
export function newDraw(slot: PoolSlot): { seed: string; exerciseIds: string[] } {
  const seed = randomBytes(8).toString('hex');
  return { seed, exerciseIds: drawUnits(seed, slot) };
}
