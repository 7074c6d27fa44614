import type { CourseExerciseRow } from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';

/** The attempt, due-date and late rules a student works under, as the page and the API show them. */
export function exerciseRules(course: CurrentCourse, courseExercise: CourseExerciseRow, attemptsUsed: number) {
  return {
    maxAttempts: courseExercise.maxAttempts,
    attemptsUsed,
    dueAt: courseExercise.dueAt?.toISOString() ?? null,
    pointsDecayPerAttempt: courseExercise.pointsDecayPerAttempt,
    timeZone: course.timeZone,
    latePolicy: course.latePolicy,
    latePenalty: course.latePenalty,
  };
}
