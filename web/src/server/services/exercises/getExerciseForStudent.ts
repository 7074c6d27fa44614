import {
  listSubmissionsForStudent,
  selectCourseExerciseBySlug,
  selectDraft,
  type CourseExerciseRow,
  type Database,
  type Submission,
} from '@deltalab/db';
import { isExerciseSlug, variantSeed, type Exercise, type StudentVariant } from '@deltalab/exercises';
import { resolveExercise, studentVariantOf } from '@/server/exercises/resolveExercise';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { getCurrentCourse, type CurrentCourse } from '../courses/getCurrentCourse';
import { studentMaySee } from '../assessments/assessmentSubmission';

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

/** Everything the exercise page needs for one student, or null when the slug is not in their course (or it is closed to them). */
export async function getExerciseForStudent(db: Database, userId: string, slug: string): Promise<StudentExercise | null> {
  // Text no slug can be (a typo is fine; bytes like NUL are not) never reaches the database.
  if (!isExerciseSlug(slug)) return null;
  const course = await getCurrentCourse(db, userId);
  const standing = standingIn(course);
  if (!course || !courseCan(standing, 'course.view')) return null;
  const courseExercise = await selectCourseExerciseBySlug(db, course.id, slug);
  const resolved = courseExercise ? await resolveExercise(db, courseExercise) : null;
  if (!courseExercise || !resolved || (!courseExercise.published && !courseCan(standing, 'exercise.preview'))) return null;
  // An exam's question before the student started it, a pool's exercise they did not draw: not theirs to see.
  if (!courseCan(standing, 'exercise.preview') && !(await studentMaySee(db, course, userId, courseExercise.exerciseId, new Date())))
    return null;
  const { exercise } = resolved;
  const [history, draft, variant] = await Promise.all([
    listSubmissionsForStudent(db, userId, courseExercise.exerciseId, { courseId: course.id }),
    exercise.kind === 'code' || exercise.kind === 'challenge' ? selectDraft(db, userId, courseExercise.exerciseId) : undefined,
    studentVariantOf(resolved, variantSeed(slug, userId)),
  ]);
  return {
    course,
    courseExercise,
    exercise,
    variant,
    history,
    draft: draft?.code ?? null,
    attemptsUsed: history.filter((s) => s.countsAsAttempt).length,
  };
}
