'use server';

import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { updateCourseSettingsFor, type UpdateCourseSettingsResult } from '@/server/services/courses/updateCourseSettings';
import { createCourse, type CreateCourseField } from '@/server/services/courses/createCourse';
import { moveExercise } from '@/server/services/courses/updateExerciseSettings';
import { listCourseExercises } from '@deltalab/db';
import type { FormRefusal } from '@/server/services/forms/formRefusal';

export type CourseSettingsActionResult = { ok: true } | Extract<UpdateCourseSettingsResult, { ok: false }>;

/** Saves the instructor's course settings (time zone, late policy) for the course they teach. */
export async function saveCourseSettingsAction(values: unknown): Promise<CourseSettingsActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: 'Your session has ended: sign in again.', fieldErrors: {} };
  try {
    const db = await getDb();
    const course = await getCurrentCourse(db, user.id);
    if (!course) return { ok: false, message: 'You do not teach a course yet.', fieldErrors: {} };
    const result = await updateCourseSettingsFor(db, user.id, course.id, values);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    return { ok: true };
  } catch (error) {
    console.error('saving course settings failed', error);
    return { ok: false, message: 'Saving failed on the server. Please try again in a moment.', fieldErrors: {} };
  }
}

/** An instructor creates a course (title, join code, time zone) that starts with the catalogue, and switches to it. */
export async function createCourseAction(values: unknown): Promise<{ ok: true } | FormRefusal<CreateCourseField>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: 'Your session has ended: sign in again.', fieldErrors: {} };
  try {
    const result = await createCourse(await getDb(), user.id, values);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    return { ok: true };
  } catch (error) {
    console.error('creating a course failed', error);
    return { ok: false, message: 'Creating the course failed on the server. Please try again in a moment.', fieldErrors: {} };
  }
}

/** Moves an exercise one place up or down in the course's order (the form's `slug` and `direction`). */
export async function moveExerciseAction(form: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) return;
  const db = await getDb();
  const course = await getCurrentCourse(db, user.id);
  const direction = form.get('direction');
  if (course?.role !== 'instructor' || (direction !== 'up' && direction !== 'down')) return;
  await moveExercise(
    db,
    course,
    String(form.get('slug') ?? ''),
    direction,
    await listCourseExercises(db, course.id, { includeUnpublished: true }),
  );
  revalidatePath('/', 'layout');
}
