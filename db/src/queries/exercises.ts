import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { exercises, exerciseVersions, type Exercise, type ExerciseKind, type ExerciseVersion } from '../schema';
import { found } from './errors';

export interface ExerciseInput {
  slug: string;
  title: string;
  topic: string;
  kind: ExerciseKind;
  position?: number;
}

/** Inserts or updates an exercise by slug (title, topic, kind, position follow the content). */
export async function upsertExercise(db: Database, input: ExerciseInput): Promise<Exercise> {
  const values = { ...input, position: input.position ?? 0 };
  const [row] = await db
    .insert(exercises)
    .values(values)
    .onConflictDoUpdate({
      target: exercises.slug,
      set: { title: values.title, topic: values.topic, kind: values.kind, position: values.position, updatedAt: sql`now()` },
    })
    .returning();
  return found(row, 'exercise', `slug ${input.slug}`);
}

export interface ExerciseVersionInput {
  slug: string;
  contentHash: string;
  definition: unknown;
}

/**
 * Registers a definition snapshot for the exercise `slug` (which must exist) and makes it the current version.
 * The same contentHash again reuses the existing row: `created` says whether a new version was stored.
 */
export async function upsertExerciseVersion(
  db: Database,
  input: ExerciseVersionInput,
): Promise<{ exerciseId: string; versionId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, input.slug)).limit(1);
    const exerciseId = found(exercise, 'exercise', `slug ${input.slug}`).id;
    const [inserted] = await tx
      .insert(exerciseVersions)
      .values({
        exerciseId,
        contentHash: input.contentHash,
        definition: input.definition,
        number: sql`(select coalesce(max(number), 0) + 1 from exercise_versions where exercise_id = ${exerciseId})`,
      })
      .onConflictDoNothing()
      .returning({ id: exerciseVersions.id });
    let versionId = inserted?.id;
    if (versionId === undefined) {
      const [existing] = await tx
        .select({ id: exerciseVersions.id })
        .from(exerciseVersions)
        .where(and(eq(exerciseVersions.exerciseId, exerciseId), eq(exerciseVersions.contentHash, input.contentHash)))
        .limit(1);
      versionId = found(existing, 'exercise version', `hash ${input.contentHash} of ${input.slug}`).id;
    }
    await tx.update(exercises).set({ currentVersionId: versionId }).where(eq(exercises.id, exerciseId));
    return { exerciseId, versionId, created: inserted !== undefined };
  });
}

/** upsertExercise + upsertExerciseVersion in one transaction: what a seed calls per exercise at start. */
export async function registerExercise(
  db: Database,
  input: ExerciseInput & { contentHash: string; definition: unknown },
): Promise<{ exerciseId: string; versionId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const { contentHash, definition, ...exercise } = input;
    await upsertExercise(tx, exercise);
    return upsertExerciseVersion(tx, { slug: input.slug, contentHash, definition });
  });
}

export async function selectOptionalExerciseBySlug(db: Database, slug: string): Promise<Exercise | undefined> {
  const [row] = await db.select().from(exercises).where(eq(exercises.slug, slug)).limit(1);
  return row;
}

export async function selectExerciseBySlug(db: Database, slug: string): Promise<Exercise> {
  return found(await selectOptionalExerciseBySlug(db, slug), 'exercise', `slug ${slug}`);
}

export async function selectExerciseVersion(db: Database, versionId: string): Promise<ExerciseVersion> {
  const [row] = await db.select().from(exerciseVersions).where(eq(exerciseVersions.id, versionId)).limit(1);
  return found(row, 'exercise version', `id ${versionId}`);
}

/** All exercises in the order of the notes. */
export async function listExercises(db: Database): Promise<Exercise[]> {
  return db.select().from(exercises).orderBy(asc(exercises.position), asc(exercises.slug));
}
