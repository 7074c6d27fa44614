import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { courseExercises, exercises, type CourseExercise, type ExerciseKind, type ExerciseSource, type VisibilityTiming } from '../schema';

export interface CourseExerciseInput {
  courseId: string;
  exerciseId: string;
  position?: number;
  dueAt?: Date | null;
  maxAttempts?: number | null;
  pointsDecayPerAttempt?: number;
  published?: boolean;
  showScore?: VisibilityTiming;
  showFeedback?: VisibilityTiming;
  showAnswers?: VisibilityTiming;
}

/** Adds an exercise to a course or updates its rules there (fields left out keep their value on update). */
export async function upsertCourseExercise(db: Database, input: CourseExerciseInput): Promise<CourseExercise> {
  const { courseId, exerciseId, ...rules } = input;
  const set = Object.fromEntries(Object.entries(rules).filter(([, value]) => value !== undefined));
  const insert = db.insert(courseExercises).values(input);
  const [row] = await (
    Object.keys(set).length > 0
      ? insert.onConflictDoUpdate({ target: [courseExercises.courseId, courseExercises.exerciseId], set })
      : insert.onConflictDoNothing()
  ).returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(courseExercises)
    .where(and(eq(courseExercises.courseId, courseId), eq(courseExercises.exerciseId, exerciseId)));
  return existing!;
}

/** An exercise as a course uses it: identity, current version, and the course's rules for it. */
export interface CourseExerciseRow {
  exerciseId: string;
  slug: string;
  title: string;
  topic: string;
  kind: ExerciseKind;
  exercisePosition: number;
  currentVersionId: string | null;
  position: number;
  dueAt: Date | null;
  maxAttempts: number | null;
  pointsDecayPerAttempt: number;
  published: boolean;
  /** The course's points for it; null: the exercise's own. */
  points: number | null;
  showScore: VisibilityTiming;
  showFeedback: VisibilityTiming;
  showAnswers: VisibilityTiming;
  source: ExerciseSource;
}

export const courseExerciseColumns = {
  exerciseId: exercises.id,
  slug: exercises.slug,
  title: exercises.title,
  topic: exercises.topic,
  kind: exercises.kind,
  exercisePosition: exercises.position,
  currentVersionId: exercises.currentVersionId,
  position: courseExercises.position,
  dueAt: courseExercises.dueAt,
  maxAttempts: courseExercises.maxAttempts,
  pointsDecayPerAttempt: courseExercises.pointsDecayPerAttempt,
  published: courseExercises.published,
  points: courseExercises.points,
  showScore: courseExercises.showScore,
  showFeedback: courseExercises.showFeedback,
  showAnswers: courseExercises.showAnswers,
  source: exercises.source,
};

export interface CourseExerciseSettings {
  published: boolean;
  points: number | null;
  maxAttempts: number | null;
  pointsDecayPerAttempt: number;
  dueAt: Date | null;
  showScore: VisibilityTiming;
  showFeedback: VisibilityTiming;
  showAnswers: VisibilityTiming;
}

/** Sets a course's rules for one of its exercises (validated by the caller); undefined when it is not in the course. */
export async function updateCourseExerciseSettings(
  db: Database,
  courseId: string,
  exerciseId: string,
  settings: CourseExerciseSettings,
): Promise<CourseExercise | undefined> {
  const [row] = await db
    .update(courseExercises)
    .set(settings)
    .where(and(eq(courseExercises.courseId, courseId), eq(courseExercises.exerciseId, exerciseId)))
    .returning();
  return row;
}

/** The course rules an assessment slot sets for all its exercises together (attempts, decay, visibility). */
export type SlotExerciseSettings = Pick<
  CourseExerciseSettings,
  'maxAttempts' | 'pointsDecayPerAttempt' | 'showScore' | 'showFeedback' | 'showAnswers'
>;

/** Sets a slot's settings on some of a course's exercises (its other exercises), in one statement. */
export async function updateSlotExerciseSettings(
  db: Database,
  courseId: string,
  exerciseIds: string[],
  settings: SlotExerciseSettings,
): Promise<void> {
  if (exerciseIds.length === 0) return;
  await db
    .update(courseExercises)
    .set(settings)
    .where(and(eq(courseExercises.courseId, courseId), inArray(courseExercises.exerciseId, exerciseIds)));
}

/** Puts a course's exercises in this order (ids not listed keep their place after the listed ones). One statement. */
export async function reorderCourseExercises(db: Database, courseId: string, exerciseIds: string[]): Promise<void> {
  if (exerciseIds.length === 0) return;
  await db.execute(sql`
    update course_exercises ce set position = o.position - 1
    from unnest(${`{${exerciseIds.join(',')}}`}::uuid[]) with ordinality as o(exercise_id, position)
    where ce.course_id = ${courseId} and ce.exercise_id = o.exercise_id`);
  await db.execute(sql`
    update course_exercises ce set position = ${exerciseIds.length} + ce.position
    where ce.course_id = ${courseId} and not (ce.exercise_id = any(${`{${exerciseIds.join(',')}}`}::uuid[]))`);
}

/** A course's exercises in course order (then the notes' order); unpublished ones only when asked (instructors). */
export async function listCourseExercises(
  db: Database,
  courseId: string,
  options: { includeUnpublished?: boolean } = {},
): Promise<CourseExerciseRow[]> {
  return db
    .select(courseExerciseColumns)
    .from(courseExercises)
    .innerJoin(exercises, eq(exercises.id, courseExercises.exerciseId))
    .where(
      options.includeUnpublished
        ? eq(courseExercises.courseId, courseId)
        : and(eq(courseExercises.courseId, courseId), eq(courseExercises.published, true)),
    )
    .orderBy(asc(courseExercises.position), asc(exercises.position), asc(exercises.slug));
}

/** One exercise of a course by slug (published or not: the caller decides who may see it). */
export async function selectCourseExerciseBySlug(db: Database, courseId: string, slug: string): Promise<CourseExerciseRow | undefined> {
  const [row] = await db
    .select(courseExerciseColumns)
    .from(courseExercises)
    .innerJoin(exercises, eq(exercises.id, courseExercises.exerciseId))
    .where(and(eq(courseExercises.courseId, courseId), eq(exercises.slug, slug)))
    .limit(1);
  return row;
}
