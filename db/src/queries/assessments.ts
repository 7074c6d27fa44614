import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../database';
import {
  assessmentDraws,
  assessmentInstances,
  assessmentOverrides,
  assessmentSlotExercises,
  assessmentSlots,
  assessments,
  enrollments,
  exercises,
  gradeCells,
  users,
  type Assessment,
  type AssessmentInstance,
  type AssessmentOverride,
  type AssessmentSlot,
  type AssessmentType,
  type LateDeadline,
} from '../schema';
import { isUniqueViolation } from './errors';
import { rowsOf } from '../rawRows';

/** An assessment as its editor writes it (validated by the caller). */
export interface AssessmentInput {
  courseId: string;
  slug: string;
  title: string;
  type: AssessmentType;
  position?: number;
  releaseAt?: Date | null;
  dueAt?: Date | null;
  lateDeadlines?: LateDeadline[];
  afterLastDeadline?: 'view-only' | 'zero';
  timeLimitMinutes?: number | null;
  passwordHash?: string | null;
  honorCode?: boolean;
  published?: boolean;
  slots: SlotInput[];
}

export interface SlotInput {
  choose?: number;
  points?: number | null;
  pointsPerAttempt?: number[] | null;
  exerciseIds: string[];
  /** Per exercise (same order): its group in a pool, drawn with the others of the group; null or left out: alone. */
  groups?: (number | null)[];
}

/** Why an assessment could not be stored: its slug is taken in the course, or an exercise is in another slot already. */
export class AssessmentConflictError extends Error {
  override readonly name = 'AssessmentConflictError';
  constructor(
    readonly conflict: 'slug' | 'exercise',
    message: string,
  ) {
    super(message);
  }
}

function conflictOf(error: unknown, slug: string): never {
  if (isUniqueViolation(error, 'assessments_course_slug_unique'))
    throw new AssessmentConflictError('slug', `The course has an assessment '${slug}' already.`);
  if (
    isUniqueViolation(error, 'assessment_slot_exercises_course_exercise_unique') ||
    isUniqueViolation(error, 'assessment_slot_exercises_pkey')
  )
    throw new AssessmentConflictError(
      'exercise',
      'An exercise may be in one slot of one assessment of a course: it is in another already.',
    );
  throw error;
}

async function writeSlots(db: Database, courseId: string, assessmentId: string, slots: SlotInput[]): Promise<void> {
  for (const [position, slot] of slots.entries()) {
    const [row] = await db
      .insert(assessmentSlots)
      .values({
        assessmentId,
        position,
        choose: slot.choose ?? 1,
        points: slot.points ?? null,
        pointsPerAttempt: slot.pointsPerAttempt ?? null,
      })
      .returning({ id: assessmentSlots.id });
    await db.insert(assessmentSlotExercises).values(
      slot.exerciseIds.map((exerciseId, index) => ({
        slotId: row!.id,
        courseId,
        exerciseId,
        position: index,
        groupNumber: slot.groups?.[index] ?? null,
      })),
    );
  }
}

/** Stores a new assessment with its slots, in one transaction. */
export async function insertAssessment(db: Database, input: AssessmentInput): Promise<Assessment> {
  const { slots, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(assessments).values(fields).returning();
      await writeSlots(tx as unknown as Database, input.courseId, row!.id, slots);
      return row!;
    });
  } catch (error) {
    return conflictOf(error, input.slug);
  }
}

/**
 * Replaces an assessment's fields and slots (the editor saves the whole). Draws of slots whose exercises are unchanged
 * are kept: a slot is matched by its position and its exercises. Undefined when there is no such assessment.
 */
export async function updateAssessment(db: Database, assessmentId: string, input: AssessmentInput): Promise<Assessment | undefined> {
  const { slots, courseId, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(assessments)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(assessments.id, assessmentId), eq(assessments.courseId, courseId)))
        .returning();
      if (!row) return undefined;
      const existing = await listSlotsOf(tx as unknown as Database, [assessmentId]);
      const same =
        existing.length === slots.length &&
        existing.every(
          (s, i) =>
            s.choose === (slots[i]!.choose ?? 1) &&
            s.exerciseIds.join() === slots[i]!.exerciseIds.join() &&
            s.exerciseGroups.join() === s.exerciseIds.map((_, j) => slots[i]!.groups?.[j] ?? null).join(),
        );
      if (same) {
        for (const [i, s] of existing.entries())
          await tx
            .update(assessmentSlots)
            .set({ points: slots[i]!.points ?? null, pointsPerAttempt: slots[i]!.pointsPerAttempt ?? null })
            .where(eq(assessmentSlots.id, s.id));
      } else {
        await tx.delete(assessmentSlots).where(eq(assessmentSlots.assessmentId, assessmentId));
        await writeSlots(tx as unknown as Database, courseId, assessmentId, slots);
      }
      return row;
    });
  } catch (error) {
    return conflictOf(error, input.slug);
  }
}

export async function deleteAssessment(db: Database, courseId: string, assessmentId: string): Promise<boolean> {
  const rows = await db
    .delete(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.courseId, courseId)))
    .returning({ id: assessments.id });
  return rows.length > 0;
}

/** A slot with its exercises (ids, slugs and group numbers, in the slot's order). */
export interface SlotRow extends AssessmentSlot {
  exerciseIds: string[];
  exerciseSlugs: string[];
  exerciseGroups: (number | null)[];
}

/** An assessment with its slots. */
export interface AssessmentRow extends Assessment {
  slots: SlotRow[];
}

async function listSlotsOf(db: Database, assessmentIds: string[]): Promise<SlotRow[]> {
  if (assessmentIds.length === 0) return [];
  const rows = await db
    .select({
      slot: assessmentSlots,
      exerciseId: assessmentSlotExercises.exerciseId,
      slug: exercises.slug,
      group: assessmentSlotExercises.groupNumber,
    })
    .from(assessmentSlots)
    .leftJoin(assessmentSlotExercises, eq(assessmentSlotExercises.slotId, assessmentSlots.id))
    .leftJoin(exercises, eq(exercises.id, assessmentSlotExercises.exerciseId))
    .where(inArray(assessmentSlots.assessmentId, assessmentIds))
    .orderBy(asc(assessmentSlots.assessmentId), asc(assessmentSlots.position), asc(assessmentSlotExercises.position));
  const byId = new Map<string, SlotRow>();
  for (const row of rows) {
    const slot = byId.get(row.slot.id) ?? { ...row.slot, exerciseIds: [], exerciseSlugs: [], exerciseGroups: [] };
    byId.set(row.slot.id, slot);
    if (row.exerciseId && row.slug) {
      slot.exerciseIds.push(row.exerciseId);
      slot.exerciseSlugs.push(row.slug);
      slot.exerciseGroups.push(row.group);
    }
  }
  return [...byId.values()];
}

/** A course's assessments in order, each with its slots. */
export async function listAssessments(db: Database, courseId: string): Promise<AssessmentRow[]> {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.courseId, courseId))
    .orderBy(asc(assessments.position), asc(assessments.createdAt), asc(assessments.slug));
  const slots = await listSlotsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, slots: slots.filter((s) => s.assessmentId === r.id) }));
}

export async function selectAssessmentBySlug(db: Database, courseId: string, slug: string): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.courseId, courseId), eq(assessments.slug, slug)))
    .limit(1);
  if (!row) return undefined;
  return { ...row, slots: await listSlotsOf(db, [row.id]) };
}

/** Releases an exam's scores to its students (`at`), or hides them again (null). */
export async function setAssessmentScoresReleased(db: Database, assessmentId: string, at: Date | null): Promise<void> {
  await db.update(assessments).set({ scoresReleasedAt: at, updatedAt: new Date() }).where(eq(assessments.id, assessmentId));
}

/**
 * A student's draws for pool slots: the ones already recorded, and for the others `draw(slot)` recorded now (a
 * concurrent first visit keeps whichever was stored first, so every visit sees the same draw).
 */
export async function ensureDraws(
  db: Database,
  userId: string,
  slots: { id: string }[],
  draw: (slotId: string) => { seed: string; exerciseIds: string[] },
): Promise<Map<string, string[]>> {
  const ids = slots.map((s) => s.id);
  const result = new Map<string, string[]>();
  if (ids.length === 0) return result;
  const read = async () =>
    db
      .select({ slotId: assessmentDraws.slotId, exerciseIds: assessmentDraws.exerciseIds })
      .from(assessmentDraws)
      .where(and(eq(assessmentDraws.userId, userId), inArray(assessmentDraws.slotId, ids)));
  let rows = await read();
  const missing = ids.filter((id) => !rows.some((r) => r.slotId === id));
  if (missing.length > 0) {
    await db
      .insert(assessmentDraws)
      .values(missing.map((slotId) => ({ slotId, userId, ...draw(slotId) })))
      .onConflictDoNothing();
    rows = await read();
  }
  for (const row of rows) result.set(row.slotId, row.exerciseIds);
  return result;
}

/** The student's instance of an assessment, or undefined before they start it. */
export async function selectInstance(db: Database, assessmentId: string, userId: string): Promise<AssessmentInstance | undefined> {
  const [row] = await db
    .select()
    .from(assessmentInstances)
    .where(and(eq(assessmentInstances.assessmentId, assessmentId), eq(assessmentInstances.userId, userId)))
    .limit(1);
  return row;
}

/** Starts the student's instance at `now`, or returns the one they started before (one statement each way). */
export async function startInstance(
  db: Database,
  assessmentId: string,
  userId: string,
  now: Date,
): Promise<{ instance: AssessmentInstance; created: boolean }> {
  const [created] = await db.insert(assessmentInstances).values({ assessmentId, userId, startedAt: now }).onConflictDoNothing().returning();
  if (created) return { instance: created, created: true };
  return { instance: (await selectInstance(db, assessmentId, userId))!, created: false };
}

/** The student finishes early: the instance closes at `now` (a closed one keeps its time). */
export async function finishInstance(db: Database, instanceId: string, now: Date): Promise<AssessmentInstance | undefined> {
  await db
    .update(assessmentInstances)
    .set({ closedAt: now, closeReason: 'finished' })
    .where(and(eq(assessmentInstances.id, instanceId), sql`${assessmentInstances.closedAt} is null`));
  const [row] = await db.select().from(assessmentInstances).where(eq(assessmentInstances.id, instanceId));
  return row;
}

/** A student's instances in a course's assessments, by assessment id. */
export async function listInstancesOfUser(db: Database, courseId: string, userId: string): Promise<AssessmentInstance[]> {
  return db
    .select(getInstanceColumns())
    .from(assessmentInstances)
    .innerJoin(assessments, eq(assessments.id, assessmentInstances.assessmentId))
    .where(and(eq(assessments.courseId, courseId), eq(assessmentInstances.userId, userId)));
}

function getInstanceColumns() {
  return {
    id: assessmentInstances.id,
    assessmentId: assessmentInstances.assessmentId,
    userId: assessmentInstances.userId,
    startedAt: assessmentInstances.startedAt,
    closedAt: assessmentInstances.closedAt,
    closeReason: assessmentInstances.closeReason,
  };
}

/** What an override sets (validated by the caller: at least one of the three, a reason). */
export interface OverrideInput {
  assessmentId: string;
  dueAt?: Date | null;
  extraMinutes?: number | null;
  timeFactor?: number | null;
  reason: string;
  createdBy: string | null;
}

/** Sets the override of each of these students (replacing one they had), in one statement. */
export async function upsertStudentOverrides(db: Database, input: OverrideInput, userIds: string[]): Promise<AssessmentOverride[]> {
  if (userIds.length === 0) return [];
  const { assessmentId, reason, createdBy } = input;
  const fields = { dueAt: input.dueAt ?? null, extraMinutes: input.extraMinutes ?? null, timeFactor: input.timeFactor ?? null };
  return db
    .insert(assessmentOverrides)
    .values(userIds.map((userId) => ({ assessmentId, userId, reason, createdBy, ...fields })))
    .onConflictDoUpdate({
      target: [assessmentOverrides.assessmentId, assessmentOverrides.userId],
      targetWhere: sql`${assessmentOverrides.userId} is not null`,
      set: {
        dueAt: sql`excluded.due_at`,
        extraMinutes: sql`excluded.extra_minutes`,
        timeFactor: sql`excluded.time_factor`,
        reason: sql`excluded.reason`,
        createdBy: sql`excluded.created_by`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
}

/** Sets a section's override (replacing the one it had). */
export async function upsertSectionOverride(db: Database, input: OverrideInput, section: string): Promise<AssessmentOverride> {
  const { assessmentId, reason, createdBy } = input;
  const fields = { dueAt: input.dueAt ?? null, extraMinutes: input.extraMinutes ?? null, timeFactor: input.timeFactor ?? null };
  const [row] = await db
    .insert(assessmentOverrides)
    .values({ assessmentId, section, reason, createdBy, ...fields })
    .onConflictDoUpdate({
      target: [assessmentOverrides.assessmentId, assessmentOverrides.section],
      targetWhere: sql`${assessmentOverrides.section} is not null`,
      set: { ...fields, reason, createdBy, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteOverride(db: Database, assessmentId: string, overrideId: string): Promise<boolean> {
  const rows = await db
    .delete(assessmentOverrides)
    .where(and(eq(assessmentOverrides.id, overrideId), eq(assessmentOverrides.assessmentId, assessmentId)))
    .returning({ id: assessmentOverrides.id });
  return rows.length > 0;
}

/** An override with its student's email (null for a section's). */
export interface OverrideRow extends AssessmentOverride {
  email: string | null;
}

/** A course's overrides, of one assessment or of all. */
export async function listOverrides(db: Database, courseId: string, assessmentId?: string): Promise<OverrideRow[]> {
  return db
    .select({ ...overrideColumns, email: users.email })
    .from(assessmentOverrides)
    .innerJoin(assessments, eq(assessments.id, assessmentOverrides.assessmentId))
    .leftJoin(users, eq(users.id, assessmentOverrides.userId))
    .where(and(eq(assessments.courseId, courseId), assessmentId ? eq(assessments.id, assessmentId) : undefined))
    .orderBy(asc(assessmentOverrides.createdAt));
}

const overrideColumns = {
  id: assessmentOverrides.id,
  assessmentId: assessmentOverrides.assessmentId,
  userId: assessmentOverrides.userId,
  section: assessmentOverrides.section,
  dueAt: assessmentOverrides.dueAt,
  extraMinutes: assessmentOverrides.extraMinutes,
  timeFactor: assessmentOverrides.timeFactor,
  reason: assessmentOverrides.reason,
  createdBy: assessmentOverrides.createdBy,
  createdAt: assessmentOverrides.createdAt,
  updatedAt: assessmentOverrides.updatedAt,
};

/**
 * The overrides that concern one student in a course (their own and their section's), in one query: the caller picks
 * per assessment (the student's own beats the section's).
 */
export async function listOverridesForStudent(db: Database, courseId: string, userId: string): Promise<AssessmentOverride[]> {
  return db
    .select(overrideColumns)
    .from(assessmentOverrides)
    .innerJoin(assessments, eq(assessments.id, assessmentOverrides.assessmentId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courseId), eq(enrollments.userId, userId), isNotNull(enrollments.section)))
    .where(
      and(
        eq(assessments.courseId, courseId),
        sql`(${assessmentOverrides.userId} = ${userId} or (${assessmentOverrides.section} is not null and ${assessmentOverrides.section} = ${enrollments.section}))`,
      ),
    );
}

/** Best scores (0..1) of students in a course's exercises, from the dashboards' cells: `${userId}:${exerciseId}` → score. */
export async function listBestScores(
  db: Database,
  courseId: string,
  userId?: string,
): Promise<Map<string, { bestScore: number | null; attempts: number }>> {
  const rows = await db
    .select({
      userId: gradeCells.userId,
      exerciseId: gradeCells.exerciseId,
      bestScore: gradeCells.bestScore,
      attempts: gradeCells.attempts,
    })
    .from(gradeCells)
    .where(and(eq(gradeCells.courseId, courseId), userId ? eq(gradeCells.userId, userId) : undefined));
  return new Map(rows.map((r) => [`${r.userId}:${r.exerciseId}`, { bestScore: r.bestScore, attempts: r.attempts }]));
}

/** Every draw recorded for a course's slots: `${userId}:${slotId}` → exercise ids. */
export async function listDraws(db: Database, slotIds: string[]): Promise<Map<string, string[]>> {
  if (slotIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: assessmentDraws.userId, slotId: assessmentDraws.slotId, exerciseIds: assessmentDraws.exerciseIds })
    .from(assessmentDraws)
    .where(inArray(assessmentDraws.slotId, slotIds));
  return new Map(rows.map((r) => [`${r.userId}:${r.slotId}`, r.exerciseIds]));
}

/** The assessment slot a course exercise is in: its assessment's title, its number there (from 1), and its exercises. */
export interface SlotOfExercise {
  assessmentTitle: string;
  slotNumber: number;
  exerciseIds: string[];
}

/** The slot holding a course's exercise (an exercise is in at most one slot per course); undefined when in none. */
export async function selectSlotOfExercise(db: Database, courseId: string, exerciseId: string): Promise<SlotOfExercise | undefined> {
  const rows = await db.execute(sql`
    with numbered as (
      select sl.id, sl.assessment_id, row_number() over (partition by sl.assessment_id order by sl.position, sl.created_at, sl.id) as n
      from assessment_slots sl
      where sl.assessment_id = (select sl2.assessment_id from assessment_slot_exercises ase2
        join assessment_slots sl2 on sl2.id = ase2.slot_id where ase2.course_id = ${courseId} and ase2.exercise_id = ${exerciseId})
    )
    select a.title, nb.n::int as slot_number, array_agg(ase.exercise_id order by ase.position, ase.exercise_id)::text[] as exercise_ids
    from assessment_slot_exercises me
    join numbered nb on nb.id = me.slot_id
    join assessments a on a.id = nb.assessment_id
    join assessment_slot_exercises ase on ase.slot_id = me.slot_id
    where me.course_id = ${courseId} and me.exercise_id = ${exerciseId}
    group by a.title, nb.n`);
  const [row] = rowsOf<{ title: string; slot_number: number; exercise_ids: string[] | string }>(rows);
  if (!row) return undefined;
  const ids = Array.isArray(row.exercise_ids) ? row.exercise_ids : row.exercise_ids.replace(/^\{|\}$/g, '').split(',');
  return { assessmentTitle: row.title, slotNumber: Number(row.slot_number), exerciseIds: ids };
}
