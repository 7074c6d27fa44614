import { listCourseExercises, type CourseExerciseRow, type Database } from '@deltalab/db';
import { resolveExercise } from '@/server/exercises/resolveExercise';

export interface CourseColumn extends CourseExerciseRow {
  /** Points the course gives for it: its own setting, else the exercise's. */
  maxPoints: number;
}

/** A course's exercises in course order with their points (the gradebook's and the dashboards' columns). */
export async function courseColumns(
  db: Database,
  courseId: string,
  options: { includeUnpublished?: boolean } = {},
): Promise<CourseColumn[]> {
  const rows = await listCourseExercises(db, courseId, options);
  return Promise.all(
    rows
      .filter((row) => row.kind !== 'challenge')
      .map(async (row) => ({ ...row, maxPoints: row.points ?? (await resolveExercise(db, row))?.exercise.points ?? 1 })),
  );
}
