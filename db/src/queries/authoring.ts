import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf } from '../rawRows';
import { authoringDrafts, courseExercises, exercises, exerciseVersions, type AuthoringDraft, type ExerciseKind } from '../schema';

export interface DraftInput {
  courseId: string;
  slug: string;
  files: Record<string, string>;
  form: unknown;
  updatedBy: string;
}

/** Saves an authoring draft (one per course and slug); a save forgets the last validation unless the files match it. */
export async function saveAuthoringDraft(db: Database, input: DraftInput, filesHash: string): Promise<AuthoringDraft> {
  const [row] = await db
    .insert(authoringDrafts)
    .values(input)
    .onConflictDoUpdate({
      target: [authoringDrafts.courseId, authoringDrafts.slug],
      set: {
        files: input.files,
        form: input.form,
        updatedBy: input.updatedBy,
        updatedAt: sql`now()`,
        validatedHash: sql`case when ${authoringDrafts.validatedHash} = ${filesHash} then ${authoringDrafts.validatedHash} else null end`,
        validation: sql`case when ${authoringDrafts.validatedHash} = ${filesHash} then ${authoringDrafts.validation} else null end`,
      },
    })
    .returning();
  return row!;
}

export async function selectAuthoringDraft(db: Database, courseId: string, slug: string): Promise<AuthoringDraft | undefined> {
  const [row] = await db
    .select()
    .from(authoringDrafts)
    .where(and(eq(authoringDrafts.courseId, courseId), eq(authoringDrafts.slug, slug)))
    .limit(1);
  return row;
}

export async function listAuthoringDrafts(db: Database, courseId: string): Promise<AuthoringDraft[]> {
  return db.select().from(authoringDrafts).where(eq(authoringDrafts.courseId, courseId)).orderBy(asc(authoringDrafts.slug));
}

/** Records a validation of the draft's files as they are (by hash): publishing needs a passing one of the same files. */
export async function recordDraftValidation(db: Database, draftId: string, filesHash: string, validation: unknown): Promise<void> {
  await db.update(authoringDrafts).set({ validatedHash: filesHash, validation }).where(eq(authoringDrafts.id, draftId));
}

export interface PublishInput {
  courseId: string;
  slug: string;
  title: string;
  topic: string;
  kind: ExerciseKind;
  contentHash: string;
  files: Record<string, string>;
  definition: unknown;
  createdBy: string;
}

export type PublishOutcome =
  { ok: true; exerciseId: string; versionId: string; versionNumber: number; created: boolean } | { ok: false; reason: 'slug-taken' };

/**
 * Publishes an authored folder as the exercise's next version (the same files again reuse their version) and makes it
 * current: new submissions are graded against it, existing ones keep theirs. A first publication creates the
 * exercise (source 'site') and adds it to the course, after its other exercises, shown to students (hide it in its
 * settings). One transaction. A slug the
 * catalogue or another course already uses is refused.
 */
export async function publishAuthoredVersion(db: Database, input: PublishInput): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(exercises).where(eq(exercises.slug, input.slug)).limit(1);
    let exerciseId = existing?.id;
    if (existing) {
      const [owner] = await tx
        .select({ courseId: courseExercises.courseId })
        .from(courseExercises)
        .where(and(eq(courseExercises.exerciseId, existing.id), eq(courseExercises.courseId, input.courseId)))
        .limit(1);
      if (existing.source !== 'site' || !owner) return { ok: false as const, reason: 'slug-taken' as const };
      await tx
        .update(exercises)
        .set({ title: input.title, topic: input.topic, updatedAt: sql`now()` })
        .where(eq(exercises.id, existing.id));
    } else {
      const [made] = await tx
        .insert(exercises)
        .values({ slug: input.slug, title: input.title, topic: input.topic, kind: input.kind, source: 'site', position: 1000 })
        .returning({ id: exercises.id });
      exerciseId = made!.id;
    }
    const [inserted] = await tx
      .insert(exerciseVersions)
      .values({
        exerciseId: exerciseId!,
        contentHash: input.contentHash,
        definition: input.definition,
        files: input.files,
        createdBy: input.createdBy,
        number: sql`(select coalesce(max(number), 0) + 1 from exercise_versions where exercise_id = ${exerciseId})`,
      })
      .onConflictDoNothing()
      .returning({ id: exerciseVersions.id, number: exerciseVersions.number });
    const version =
      inserted ??
      (
        await tx
          .select({ id: exerciseVersions.id, number: exerciseVersions.number })
          .from(exerciseVersions)
          .where(and(eq(exerciseVersions.exerciseId, exerciseId!), eq(exerciseVersions.contentHash, input.contentHash)))
          .limit(1)
      )[0]!;
    await tx.update(exercises).set({ currentVersionId: version.id }).where(eq(exercises.id, exerciseId!));
    if (!existing) {
      await tx.execute(sql`
        insert into course_exercises (course_id, exercise_id, position, published)
        select ${input.courseId}, ${exerciseId}, coalesce(max(position), -1) + 1, true from course_exercises where course_id = ${input.courseId}
        on conflict do nothing`);
    }
    return {
      ok: true as const,
      exerciseId: exerciseId!,
      versionId: version.id,
      versionNumber: version.number,
      created: inserted !== undefined,
    };
  });
}

/** A version's stored folder (site-authored exercises), or null for a catalogue version. Versions never change. */
export async function selectVersionFolder(
  db: Database,
  versionId: string,
): Promise<{ contentHash: string; files: Record<string, string> | null; definition: unknown; number: number } | undefined> {
  const [row] = await db
    .select({
      contentHash: exerciseVersions.contentHash,
      files: exerciseVersions.files,
      definition: exerciseVersions.definition,
      number: exerciseVersions.number,
    })
    .from(exerciseVersions)
    .where(eq(exerciseVersions.id, versionId))
    .limit(1);
  return row;
}

/** An exercise's versions, newest first, with how many of the course's submissions each holds. */
export async function listExerciseVersions(db: Database, courseId: string, exerciseId: string) {
  const result = await db.execute(sql`
    select v.id, v.number, v.content_hash as "contentHash", v.created_at as "createdAt",
      (select count(*)::int from submissions s where s.exercise_version_id = v.id and s.course_id = ${courseId}) as "submissions"
    from exercise_versions v where v.exercise_id = ${exerciseId}
    order by v.number desc, v.created_at desc`);
  return rowsOf<{ id: string; number: number; contentHash: string; createdAt: Date; submissions: number }>(result);
}
