'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/server/db';
import { actionRefusal, formFields, signedInAction } from '@/server/formAction';
import { storableString } from '@/server/storableText';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { updateCourseSettingsFor, type UpdateCourseSettingsResult } from '@/server/services/courses/updateCourseSettings';
import { createCourse, type CreateCourseField } from '@/server/services/courses/createCourse';
import { moveExercise } from '@/server/services/courses/updateExerciseSettings';
import { listCourseExercises } from '@deltalab/db';
import { formRefusal, type FormRefusal } from '@/server/services/forms/formRefusal';

export type CourseSettingsActionResult = { ok: true } | Extract<UpdateCourseSettingsResult, { ok: false }>;

/** Saves the instructor's course settings (time zone, late policy) for the course they teach. */
export async function saveCourseSettingsAction(values: unknown): Promise<CourseSettingsActionResult> {
  const result = await signedInAction('Saving', async (user): Promise<CourseSettingsActionResult> => {
    const db = await getDb();
    const course = await getCurrentCourse(db, user.id);
    if (!course) return actionRefusal('You do not teach a course yet.');
    const saved = await updateCourseSettingsFor(db, course, values);
    return saved.ok ? { ok: true } : saved;
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/** Someone who may create courses creates one (title, join code, time zone) that starts with the catalogue, and switches to it. */
export async function createCourseAction(values: unknown): Promise<{ ok: true } | FormRefusal<CreateCourseField>> {
  const result = await signedInAction('Creating the course', async (user) => createCourse(await getDb(), user, values));
  if (!result.ok) return result;
  revalidatePath('/', 'layout');
  return { ok: true };
}

const moveInput = z.object({
  slug: storableString().min(1, 'Name the exercise to move').max(200, 'No exercise has a name that long'),
  direction: z.enum(['up', 'down'], { error: 'Move up or down' }),
});

export type MoveExerciseResult = { ok: true } | FormRefusal<keyof z.input<typeof moveInput>>;

/**
 * Moves an exercise one place up or down in the course's order (the form's `slug` and `direction`). A real form
 * ignores the result; a hand-made call is told why it was refused.
 */
export async function moveExerciseAction(form: FormData): Promise<MoveExerciseResult> {
  const result = await signedInAction('Moving the exercise', async (user): Promise<MoveExerciseResult> => {
    const db = await getDb();
    const course = await getCurrentCourse(db, user.id);
    const actor = actorIn(null, course);
    if (!course || !can(actor, 'course.settings.edit')) return actionRefusal(refusal(actor, 'course.settings.edit', course?.title));
    const fields = formFields(form, ['slug', 'direction']);
    if (!fields) return actionRefusal('Reordering sends a form: this call sent none.');
    const parsed = moveInput.safeParse(fields);
    if (!parsed.success) return formRefusal(parsed.error);
    const { slug, direction } = parsed.data;
    const list = await listCourseExercises(db, course.id, { includeUnpublished: true });
    const moved = await moveExercise(db, course, slug, direction, list);
    if (moved === 'unknown') return actionRefusal(`${course.title} has no exercise "${slug}".`);
    if (moved === 'at-end') return actionRefusal(`"${slug}" is already ${direction === 'up' ? 'first' : 'last'}.`);
    return { ok: true };
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
