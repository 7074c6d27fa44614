import { randomBytes } from 'node:crypto';
import type { Assessment, AssessmentOverride } from '@deltalab/db';
import { drawFromPool, type AssessmentTiming } from '@/lib/assessmentRules';

/** An assessment's dates and limits as the rules read them. */
export function timingOf(assessment: Assessment): AssessmentTiming {
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

/** Whether a slot is a pool (each student gets some of its exercises, drawn once). */
export function isPool(slot: { choose: number; exerciseIds: string[] }): boolean {
  return slot.choose < slot.exerciseIds.length;
}

/** A fresh draw for a pool slot: a random seed, recorded with the exercises it gives. */
export function newDraw(slot: { choose: number; exerciseIds: string[] }): { seed: string; exerciseIds: string[] } {
  const seed = randomBytes(8).toString('hex');
  return { seed, exerciseIds: drawFromPool(seed, slot.exerciseIds, slot.choose) };
}
