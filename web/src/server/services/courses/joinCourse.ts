import { z } from 'zod';
import { enrollUser, listCoursesForUser, selectCourseByJoinCode, setCurrentCourse, type Database } from '@deltalab/db';
import { storableString } from '../../storableText';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';

const joinCodeInput = storableString()
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

/** The refusal for the join code of an archived course (sign-up and joining alike). */
export function archivedCourse(title: string): FormRefusal<'joinCode'> {
  return {
    ok: false,
    message: `${title} is archived: it takes no new students.`,
    fieldErrors: { joinCode: `${title} is archived and takes no new students. Check the code with your instructor.` },
  };
}

export type JoinCourseResult = { ok: true; courseId: string; title: string } | FormRefusal<'joinCode'>;

/**
 * A signed-in user joins a course with its join code, as a student (an account made through GitHub or Google sign-in,
 * or a student taking a second course), and works in it from then on (it becomes their current course). Someone
 * already enrolled in that course is told so.
 */
export async function joinCourse(db: Database, userId: string, input: unknown): Promise<JoinCourseResult> {
  const parsed = z.object({ joinCode: joinCodeInput }).safeParse(input);
  if (!parsed.success) return formRefusal<'joinCode'>(parsed.error);
  const course = await selectCourseByJoinCode(db, parsed.data.joinCode);
  if (!course) return unknownJoinCode(parsed.data.joinCode);
  if (course.archivedAt) return archivedCourse(course.title);
  const existing = (await listCoursesForUser(db, userId)).find((c) => c.id === course.id);
  if (existing?.droppedAt)
    return { ok: false, message: `You were dropped from ${course.title}: ask its instructor to restore you.`, fieldErrors: {} };
  if (existing) return { ok: false, message: `You are already enrolled in ${course.title}.`, fieldErrors: {} };
  // Both or neither: an enrollment that is not the current course would leave the user on the old one.
  await db.transaction(async (tx) => {
    await enrollUser(tx, { userId, courseId: course.id, role: 'student' });
    await setCurrentCourse(tx, userId, course.id);
  });
  return { ok: true, courseId: course.id, title: course.title };
}
