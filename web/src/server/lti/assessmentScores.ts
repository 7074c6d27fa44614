import 'server-only';
import { listOverrides, ltiAssessmentScoreTargets, type Database, type LtiScoreScope, type LtiScoreToSend } from '@deltalab/db';
import { overrideFor } from '@/lib/assessmentRules';
import { gradedRoles } from '../auth/permissions';
import { assessmentGrades } from '../services/assessments/assessmentGrades';
import { overridesOf, timingOf } from '../services/assessments/assessmentTiming';
import { assessmentScore } from './assessmentProgress';

/**
 * The scores of assessment line items for a scope (one score per assessment): the students whose score may have
 * changed come from the database, their points from the gradebook's own computation (assessmentGrades: slots, pools,
 * points), their progress from the assessment's timing and their exam instance.
 */
export async function ltiAssessmentScores(db: Database, scope: LtiScoreScope, now = new Date()): Promise<LtiScoreToSend[]> {
  const targets = await ltiAssessmentScoreTargets(db, scope, gradedRoles());
  const byCourse = new Map<string, typeof targets>();
  for (const target of targets) byCourse.set(target.courseId, [...(byCourse.get(target.courseId) ?? []), target]);
  const scores: LtiScoreToSend[] = [];
  for (const [courseId, group] of byCourse) {
    const [grades, overrides] = await Promise.all([
      assessmentGrades(db, courseId, { userIds: [...new Set(group.map((t) => t.userId))] }),
      listOverrides(db, courseId),
    ]);
    for (const target of group) {
      const index = grades.columns.findIndex((c) => c.id === target.assessmentId);
      const assessment = grades.assessments.find((a) => a.id === target.assessmentId);
      if (index < 0 || !assessment) continue; // unpublished: nothing to send until it is
      const score = assessmentScore(
        {
          timing: timingOf(assessment),
          override: overrideFor(overridesOf(overrides, assessment.id), target.userId, target.section),
          scoresReleasedAt: assessment.scoresReleasedAt,
          instance: target.instance,
          earned: grades.earned(target.userId)[index]!,
          maxPoints: grades.columns[index]!.maxPoints,
          answered: grades.answered(target.userId)[index]!,
          grading: target.grading,
          lineItemMaximum: target.scoreMaximum,
        },
        now,
      );
      scores.push({ lineItemId: target.lineItemId, userId: target.userId, scoreMaximum: target.scoreMaximum, ...score });
    }
  }
  return scores;
}
