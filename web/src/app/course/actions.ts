'use server';

import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { joinCourse, type JoinCourseResult } from '@/server/services/courses/joinCourse';
import { switchCourse } from '@/server/services/courses/createCourse';

/** Enrolls the signed-in user (one without a course) in the course whose join code they typed. */
export async function joinCourseAction(values: unknown): Promise<JoinCourseResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: 'Your session has ended: sign in again.', fieldErrors: {} };
  try {
    const result = await joinCourse(await getDb(), user.id, values);
    if (result.ok) revalidatePath('/', 'layout');
    return result;
  } catch (error) {
    console.error('joining a course failed', error);
    return { ok: false, message: 'Joining failed on the server. Please try again in a moment.', fieldErrors: {} };
  }
}

/** Makes one of the user's courses their current one (the course home, exercises and submissions follow it). */
export async function switchCourseAction(courseId: string): Promise<{ ok: boolean }> {
  const user = await getSessionUser();
  if (!user || typeof courseId !== 'string') return { ok: false };
  const ok = await switchCourse(await getDb(), user.id, courseId);
  if (ok) revalidatePath('/', 'layout');
  return { ok };
}

/** The course switcher's form: switches, then shows the same page in the chosen course. */
export async function switchCourseFormAction(form: FormData): Promise<void> {
  await switchCourseAction(String(form.get('courseId') ?? ''));
}
