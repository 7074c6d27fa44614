import { and, eq, sql } from 'drizzle-orm';
import { courseExercises, exercises, exerciseVersions, type Database } from '@deltalab/db';
import type { Exercise } from '@deltalab/exercises';

export interface RegisterOptions {
  /** Also add every exercise to this course (in the given order), keeping existing course settings. */
  courseId?: string;
  /** Due date for a newly added course exercise, by its index in the list. */
  dueAtFor?: (exercise: Exercise, index: number) => Date | null;
  maxAttemptsFor?: (exercise: Exercise) => number | null;
}

/** The JSON snapshot stored with a version: the definition without functions or solution sources. */
export function definitionSnapshot(exercise: Exercise): unknown {
  const { solutionSource: _s, knownWrongSource: _k, ...rest } = exercise;
  return JSON.parse(JSON.stringify({ ...rest, canonical: exercise.variants.canonical }));
}

/**
 * Registers exercises: one row per slug (title/topic/kind/position refreshed), one immutable version per
 * content hash (the current version moves to it), and optionally the course's list. Idempotent.
 */
export async function registerExercises(db: Database, list: readonly Exercise[], options: RegisterOptions = {}) {
  const ids = new Map<string, string>();
  for (const [index, exercise] of list.entries()) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(exercises)
        .values({ slug: exercise.slug, title: exercise.title, topic: exercise.topic, kind: exercise.kind, position: index })
        .onConflictDoUpdate({
          target: exercises.slug,
          set: { title: exercise.title, topic: exercise.topic, kind: exercise.kind, position: index, updatedAt: sql`now()` },
        })
        .returning({ id: exercises.id, currentVersionId: exercises.currentVersionId });
      if (!row) throw new Error(`upsert of exercise ${exercise.slug} returned no row`);
      await tx
        .insert(exerciseVersions)
        .values({ exerciseId: row.id, contentHash: exercise.contentHash, definition: definitionSnapshot(exercise) })
        .onConflictDoNothing();
      const [version] = await tx
        .select({ id: exerciseVersions.id })
        .from(exerciseVersions)
        .where(and(eq(exerciseVersions.exerciseId, row.id), eq(exerciseVersions.contentHash, exercise.contentHash)));
      if (!version) throw new Error(`version ${exercise.contentHash} of ${exercise.slug} not found after insert`);
      if (row.currentVersionId !== version.id) {
        await tx.update(exercises).set({ currentVersionId: version.id }).where(eq(exercises.id, row.id));
      }
      if (options.courseId) {
        await tx
          .insert(courseExercises)
          .values({
            courseId: options.courseId,
            exerciseId: row.id,
            position: index,
            dueAt: options.dueAtFor?.(exercise, index) ?? null,
            maxAttempts: options.maxAttemptsFor?.(exercise) ?? null,
          })
          .onConflictDoNothing();
      }
      ids.set(exercise.slug, row.id);
    });
  }
  return ids;
}
