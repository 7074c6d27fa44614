'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/server/db';
import { actionRefusal, argumentsRefusal, formFields, signedInAction } from '@/server/formAction';
import { joinCourse, type JoinCourseResult } from '@/server/services/courses/joinCourse';
import { switchCourse } from '@/server/services/courses/createCourse';
import { formRefusal, type FormRefusal } from '@/server/services/forms/formRefusal';
import { issueSessionCookie } from '@/server/auth/issueSession';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { enterStudentView, leaveStudentView } from '@/server/services/people/studentView';

/** Enrolls the signed-in user (one without a course) in the course whose join code they typed. */
export async function joinCourseAction(values: unknown): Promise<JoinCourseResult> {
  const result = await signedInAction('Joining', async (user) => joinCourse(await getDb(), user.id, values));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export type SwitchCourseResult = { ok: true } | FormRefusal<'courseId'>;

// Course ids are UUIDs: anything else is no course of anyone's, and is refused before the database sees it.
const courseIdInput = z.object({ courseId: z.uuid({ error: 'Choose one of your courses from the list' }) });

/** Makes one of the user's courses their current one (the course home, exercises and submissions follow it). */
async function switchToCourse(courseId: unknown): Promise<SwitchCourseResult> {
  const result = await signedInAction('Switching the course', async (user): Promise<SwitchCourseResult> => {
    const parsed = courseIdInput.safeParse({ courseId });
    if (!parsed.success) return formRefusal<'courseId'>(parsed.error);
    if (await switchCourse(await getDb(), user.id, parsed.data.courseId)) return { ok: true };
    return actionRefusal('You are not enrolled in that course, so you cannot switch to it.');
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/**
 * The course switcher's form: switches, then shows the same page in the chosen course. A real form ignores the
 * result; a hand-made call is told why it was refused.
 */
export async function switchCourseFormAction(form: FormData): Promise<SwitchCourseResult> {
  const fields = formFields(form, ['courseId']);
  if (!fields) return actionRefusal('The course switcher sends a form: this call sent none.');
  return switchToCourse(fields.courseId);
}

/**
 * A staff member (course.viewAsStudent) views their current course as its test student: this browser's session becomes
 * the test student's, until leaveStudentViewAction. What the test student does is kept out of every figure.
 */
export async function startStudentViewAction(...args: unknown[]): Promise<{ ok: true } | FormRefusal<never>> {
  const result = await signedInAction('Starting the student view', async (user) => {
    const extra = argumentsRefusal(args);
    if (extra) return extra;
    const db = await getDb();
    const entered = await enterStudentView(db, user, await getCurrentCourse(db, user.id));
    if (!entered.ok) return entered;
    await issueSessionCookie(entered.token);
    return { ok: true as const };
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/** Back from a test student's session to the staff member's own. */
export async function leaveStudentViewAction(...args: unknown[]): Promise<{ ok: true } | FormRefusal<never>> {
  const result = await signedInAction('Leaving the student view', async (user) => {
    const extra = argumentsRefusal(args);
    if (extra) return extra;
    const left = await leaveStudentView(await getDb(), user);
    if (!left.ok) return left;
    await issueSessionCookie(left.token);
    return { ok: true as const };
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
