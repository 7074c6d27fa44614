import type { AssessmentRow } from '@deltalab/db';

/**
 * An assessment as the editor's body (POST /api/instructor/assessments takes it back as it is): the file an export
 * writes per assessment, `assessments/<slug>.json`. The password is never exported (`passwordSet` says whether one is).
 */
export function assessmentForStaff(a: AssessmentRow) {
  return {
    slug: a.slug,
    title: a.title,
    type: a.type,
    position: a.position,
    releaseAt: a.releaseAt?.toISOString() ?? null,
    dueAt: a.dueAt?.toISOString() ?? null,
    lateDeadlines: a.lateDeadlines,
    afterLastDeadline: a.afterLastDeadline,
    timeLimitMinutes: a.timeLimitMinutes,
    honorCode: a.honorCode,
    published: a.published,
    passwordSet: a.passwordHash !== null,
    scoresReleasedAt: a.scoresReleasedAt?.toISOString() ?? null,
    slots: a.slots.map((s) => ({ exercises: s.exerciseSlugs, choose: s.choose, points: s.points, pointsPerAttempt: s.pointsPerAttempt })),
  };
}
