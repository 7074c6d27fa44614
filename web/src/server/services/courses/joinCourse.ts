import { z } from 'zod';
import { enrollUser, listCoursesForUser, selectCourseByJoinCode, type Database } from '@deltalab/db';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';

export const joinCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'Enter the join code your instructor gave you')
  .max(32, 'Join codes are at most 32 characters');

/** The refusal for a join code no course has (sign-up and joining say it the same way). */
export function unknownJoinCode(joinCode: string): FormRefusal<'joinCode'> {
  return {
    ok: false,
    message: 'That join code does not match any course.',
    fieldErrors: { joinCode: `No course has the join code "${joinCode}". Check it with your instructor.` },
  };
}

export type JoinCourseResult = { ok: true; courseId: string; title: string } | FormRefusal<'joinCode'>;

/**
 * A signed-in user without a course (an account made through GitHub or Google sign-in) joins one with its join
 * code, as a student. One course per account: someone already enrolled is told where they are.
 */
export async function joinCourse(db: Database, userId: string, input: unknown): Promise<JoinCourseResult> {
  const parsed = z.object({ joinCode: joinCodeInput }).safeParse(input);
  if (!parsed.success) return formRefusal<'joinCode'>(parsed.error);
  const [current] = await listCoursesForUser(db, userId);
  if (current) return { ok: false, message: `You are already enrolled in ${current.title}.`, fieldErrors: {} };
  const course = await selectCourseByJoinCode(db, parsed.data.joinCode);
  if (!course) return unknownJoinCode(parsed.data.joinCode);
  await enrollUser(db, { userId, courseId: course.id, role: 'student' });
  return { ok: true, courseId: course.id, title: course.title };
}
