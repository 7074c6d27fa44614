import {
  listSubmissionsForStudent,
  selectCourseExerciseBySlug,
  selectDraft,
  type CourseExerciseRow,
  type Database,
  type Submission,
} from '@deltalab/db';
import { findExercise, instantiateVariant, variantSeed, type Exercise, type StudentVariant } from '@deltalab/exercises';
import { getCurrentCourse, type CurrentCourse } from '../courses/getCurrentCourse';

export interface StudentExercise {
  course: CurrentCourse;
  courseExercise: CourseExerciseRow;
  exercise: Exercise;
  /** This student's variant: statement with their numbers, fields/starter/visible cases; never answers. */
  variant: StudentVariant;
  history: Submission[];
  draft: string | null;
  attemptsUsed: number;
}

/** Everything the exercise page needs for one student, or null when the slug is not in their course. */
export async function getExerciseForStudent(db: Database, userId: string, slug: string): Promise<StudentExercise | null> {
  // The catalogue first: a slug it lacks (a typo, or bytes no slug can hold) never reaches the database.
  const exercise = findExercise(slug);
  if (!exercise) return null;
  const course = await getCurrentCourse(db, userId);
  if (!course) return null;
  const courseExercise = await selectCourseExerciseBySlug(db, course.id, slug);
  if (!courseExercise || (!courseExercise.published && course.role !== 'instructor')) return null;
  const [history, draft] = await Promise.all([
    listSubmissionsForStudent(db, userId, courseExercise.exerciseId, { courseId: course.id }),
    exercise.kind === 'code' || exercise.kind === 'challenge' ? selectDraft(db, userId, courseExercise.exerciseId) : undefined,
  ]);
  return {
    course,
    courseExercise,
    exercise,
    variant: instantiateVariant(exercise, variantSeed(slug, userId)),
    history,
    draft: draft?.code ?? null,
    attemptsUsed: history.filter((s) => s.countsAsAttempt).length,
  };
}
