import { listAssessments, listCourseExercises, type AssessmentRow, type CourseExerciseRow, type Database } from '@deltalab/db';

/** A slot's exercise settings as the editor and the files carry them (from its exercises' course rules). */
type SlotSettings = Pick<CourseExerciseRow, 'maxAttempts' | 'showScore' | 'showFeedback' | 'showAnswers'> & {
  decayPercent: number;
};

/**
 * The settings of a slot: its first exercise's course rules, which the editor writes onto every exercise of the slot
 * (an exercise is in at most one slot of a course, so they are the slot's). Null when the exercise is not in the course.
 */
function slotSettings(exerciseId: string | undefined, rules: Map<string, CourseExerciseRow>): SlotSettings | null {
  const rule = exerciseId ? rules.get(exerciseId) : undefined;
  if (!rule) return null;
  return {
    maxAttempts: rule.maxAttempts,
    // Stored as a fraction; the file says percent (rounded so 0.07 × 100 reads 7, not 7.000000000000001).
    decayPercent: Math.round(rule.pointsDecayPerAttempt * 100 * 1e6) / 1e6,
    showScore: rule.showScore,
    showFeedback: rule.showFeedback,
    showAnswers: rule.showAnswers,
  };
}

/**
 * An assessment as the editor's body (POST /api/instructor/assessments takes it back as it is): the file an export
 * writes per assessment, `assessments/<slug>.json`, each slot with its settings (attempts, decay, visibility). The
 * password is never exported (`passwordSet` says whether one is).
 */
function assessmentForStaff(a: AssessmentRow, rules: Map<string, CourseExerciseRow>) {
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
    slots: a.slots.map((s) => ({
      exercises: s.exerciseSlugs,
      // Group numbers only where the slot draws groups (PrairieLearn #11754), so plain slots read as before.
      ...(s.exerciseGroups.some((g) => g !== null) ? { groups: s.exerciseGroups } : {}),
      choose: s.choose,
      points: s.points,
      pointsPerAttempt: s.pointsPerAttempt,
      ...slotSettings(s.exerciseIds[0], rules),
    })),
  };
}

export type AssessmentFile = ReturnType<typeof assessmentForStaff>;

/** Every assessment of a course as its file (GET /api/instructor/assessments, the editor page). */
export async function exportAssessments(db: Database, courseId: string): Promise<AssessmentFile[]> {
  const [assessments, exercises] = await Promise.all([
    listAssessments(db, courseId),
    listCourseExercises(db, courseId, { includeUnpublished: true }),
  ]);
  const rules = new Map(exercises.map((e) => [e.exerciseId, e]));
  return assessments.map((a) => assessmentForStaff(a, rules));
}
