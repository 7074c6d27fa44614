'use server';

import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { joinCourse, type JoinCourseResult } from '@/server/services/courses/joinCourse';

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
