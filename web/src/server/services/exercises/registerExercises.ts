import { listCourseExercises, registerExercise, upsertCourseExercise, type Database } from '@deltalab/db';
import type { Exercise } from '@deltalab/exercises';

export interface RegisterOptions {
  /** Also add every exercise to this course (in the given order); exercises already there keep their settings. */
  courseId?: string;
  dueAtFor?: (exercise: Exercise, index: number) => Date | null;
  maxAttemptsFor?: (exercise: Exercise) => number | null;
}

/** The JSON snapshot stored with a version: the definition without functions or solution sources. */
function definitionSnapshot(exercise: Exercise): unknown {
  const { solutionSource: _solution, knownWrongSource: _knownWrong, ...rest } = exercise;
  return JSON.parse(JSON.stringify({ ...rest, canonical: exercise.variants.canonical }));
}

/**
 * Registers exercises (one row per slug, one immutable version per content hash, the current version moved to
 * it) and optionally adds the missing ones to a course. Idempotent. Returns slug → exercise id.
 */
export async function registerExercises(db: Database, list: readonly Exercise[], options: RegisterOptions = {}) {
  const ids = new Map<string, string>();
  for (const [index, exercise] of list.entries()) {
    const { exerciseId } = await registerExercise(db, {
      slug: exercise.slug,
      title: exercise.title,
      topic: exercise.topic,
      kind: exercise.kind,
      position: index,
      contentHash: exercise.contentHash,
      definition: definitionSnapshot(exercise),
    });
    ids.set(exercise.slug, exerciseId);
  }
  if (options.courseId) {
    const present = new Set((await listCourseExercises(db, options.courseId, { includeUnpublished: true })).map((row) => row.exerciseId));
    for (const [index, exercise] of list.entries()) {
      const exerciseId = ids.get(exercise.slug)!;
      if (present.has(exerciseId)) continue;
      await upsertCourseExercise(db, {
        courseId: options.courseId,
        exerciseId,
        position: index,
        dueAt: options.dueAtFor?.(exercise, index) ?? null,
        maxAttempts: options.maxAttemptsFor?.(exercise) ?? null,
      });
    }
  }
  return ids;
}
