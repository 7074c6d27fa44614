import { z } from 'zod';
import {
  reorderCourseExercises,
  selectCourseExerciseBySlug,
  selectSlotOfExercise,
  updateCourseExerciseSettings,
  updateSlotExerciseSettings,
  type Database,
} from '@deltalab/db';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import type { CurrentCourse } from './getCurrentCourse';

const timing = z.enum(['immediately', 'after-due', 'never'], { error: 'Choose immediately, after the due date, or never' });
const optionalNumber = (message: string) =>
  z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number({ error: message }).nullable());

/** A course's rules for one exercise, as the settings form sends them (percent for the decay, a local date-time). */
const exerciseSettingsInput = z
  .object({
    published: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
    points: optionalNumber('Points are a number').refine(
      (v) => v === null || (v > 0 && v <= 1000),
      'Points are above 0 and at most 1000 (empty: the exercise’s own)',
    ),
    maxAttempts: optionalNumber('Attempts are a whole number').refine(
      (v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 1000),
      'Attempts are a whole number from 1 to 1000 (empty: unlimited)',
    ),
    decayPercent: z.coerce
      .number({ error: 'The decrease per attempt is a number of percent' })
      .min(0, 'The decrease per attempt is between 0 and 100 %')
      .max(100, 'The decrease per attempt is between 0 and 100 %')
      .default(0),
    dueAt: z.preprocess(
      (v) => (v === '' || v === null || v === undefined ? null : v),
      z.iso
        .datetime({ offset: true, error: 'The due date is an ISO date-time with its offset (e.g. 2031-03-01T09:00:00Z), or empty' })
        .nullable(),
    ),
    showScore: timing,
    showFeedback: timing,
    showAnswers: timing,
  })
  .strict();

export type ExerciseSettingsField = keyof z.input<typeof exerciseSettingsInput>;

/**
 * Someone holding course.settings.edit sets the course's rules for one exercise; a bad value is refused per field,
 * nothing stored. An exercise inside an assessment slot shares its attempts, decay and visibility with the slot's other
 * exercises (the slot's settings live on their rows, and export reads the first one's): those are applied to every
 * exercise of the slot in the same transaction, and `message` says so. Applying rather than refusing, because this form
 * always sends every field (published, points, due date too): a refusal would lock those out for any exercise in a slot.
 */
export async function updateExerciseSettingsFor(
  db: Database,
  course: CurrentCourse,
  slug: string,
  input: unknown,
): Promise<{ ok: true; message: string } | FormRefusal<ExerciseSettingsField>> {
  const actor = actorIn(null, course);
  if (!can(actor, 'course.settings.edit'))
    return { ok: false, message: refusal(actor, 'course.settings.edit', course.title), fieldErrors: {} };
  const row = await selectCourseExerciseBySlug(db, course.id, slug);
  if (!row) return { ok: false, message: `Unknown exercise '${slug}' in ${course.title}.`, fieldErrors: {} };
  const parsed = exerciseSettingsInput.safeParse(input);
  if (!parsed.success) return formRefusal<ExerciseSettingsField>(parsed.error);
  const s = parsed.data;
  const slotSettings = {
    maxAttempts: s.maxAttempts,
    pointsDecayPerAttempt: s.decayPercent / 100,
    showScore: s.showScore,
    showFeedback: s.showFeedback,
    showAnswers: s.showAnswers,
  };
  const slot = await db.transaction(async (tx) => {
    await updateCourseExerciseSettings(tx, course.id, row.exerciseId, {
      ...slotSettings,
      published: s.published,
      points: s.points,
      dueAt: s.dueAt === null ? null : new Date(s.dueAt),
    });
    const found = await selectSlotOfExercise(tx, course.id, row.exerciseId);
    if (found)
      await updateSlotExerciseSettings(
        tx,
        course.id,
        found.exerciseIds.filter((id) => id !== row.exerciseId),
        slotSettings,
      );
    return found;
  });
  if (!slot || slot.exerciseIds.length < 2) return { ok: true, message: 'Settings saved.' };
  return {
    ok: true,
    message:
      `Settings saved. Attempts, decrease per attempt and visibility are the slot's: applied to the ${slot.exerciseIds.length} ` +
      `exercises of slot ${slot.slotNumber} of '${slot.assessmentTitle}'.`,
  };
}

/** Moves an exercise one place up or down in the course's order: 'unknown' when the course has no such exercise. */
export async function moveExercise(
  db: Database,
  course: CurrentCourse,
  slug: string,
  direction: 'up' | 'down',
  list: { exerciseId: string; slug: string }[],
): Promise<'moved' | 'unknown' | 'at-end'> {
  const index = list.findIndex((e) => e.slug === slug);
  if (index < 0) return 'unknown';
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= list.length) return 'at-end';
  const ids = list.map((e) => e.exerciseId);
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  // The reorder is two statements: both or neither, or two exercises could share a position.
  await db.transaction((tx) => reorderCourseExercises(tx, course.id, ids));
  return 'moved';
}
