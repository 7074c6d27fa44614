import { z } from 'zod';
import { can, refusal, type SiteRights } from '@/server/auth/permissions';
import { enrollUser, insertCourse, listCoursesForUser, selectCourseByJoinCode, setCurrentCourse, type Database } from '@deltalab/db';
import { loadExercises } from '@deltalab/exercises';
import { registerExercises } from '../exercises/registerExercises';
import { storableString } from '../../storableText';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import { courseSettingsInput } from './updateCourseSettings';

const createCourseInput = z
  .object({
    title: storableString().trim().min(1, 'Give the course a title').max(200, 'The title is at most 200 characters'),
    joinCode: storableString()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{4,32}$/, 'A join code is 4 to 32 letters, digits or dashes (e.g. DL-2027)'),
    timeZone: courseSettingsInput.shape.timeZone,
  })
  .strict();

export type CreateCourseField = keyof z.input<typeof createCourseInput>;

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'course'
  );
}

/**
 * An administrator, or someone they allowed (course.create), creates a course (title, join code, time zone) and
 * teaches it at once; it starts with the catalogue of exercises/ and becomes their current course. A join code another
 * course uses is refused.
 */
export async function createCourse(
  db: Database,
  user: { id: string } & SiteRights,
  input: unknown,
): Promise<{ ok: true; courseId: string; slug: string } | FormRefusal<CreateCourseField>> {
  const userId = user.id;
  const actor = { site: user, course: null };
  if (!can(actor, 'course.create')) return { ok: false, message: refusal(actor, 'course.create'), fieldErrors: {} };
  const parsed = createCourseInput.safeParse(input);
  if (!parsed.success) return formRefusal<CreateCourseField>(parsed.error);
  const { title, joinCode, timeZone } = parsed.data;
  const catalogue = loadExercises();
  // One transaction: a failure half-way (the database going away while the catalogue is added) leaves no course
  // without its instructor or exercises behind. On PGlite it holds the database meanwhile; courses are made rarely.
  return db.transaction(async (tx): Promise<{ ok: true; courseId: string; slug: string } | FormRefusal<CreateCourseField>> => {
    let course = null;
    for (let i = 0; !course && i < 20; i++) {
      const slug = i === 0 ? slugOf(title) : `${slugOf(title)}-${i + 1}`;
      course = await insertCourse(tx, { title, slug, joinCode, timeZone });
      if (!course && !(await isFreeJoinCode(tx, joinCode)))
        return {
          ok: false,
          message: 'Please correct the highlighted fields.',
          fieldErrors: { joinCode: `The join code ${joinCode} is taken: choose another.` },
        };
    }
    if (!course) return { ok: false, message: 'Could not find a free address for this course: change its title.', fieldErrors: {} };
    await enrollUser(tx, { userId, courseId: course.id, role: 'instructor' });
    await registerExercises(tx, catalogue, { courseId: course.id });
    await setCurrentCourse(tx, userId, course.id);
    return { ok: true, courseId: course.id, slug: course.slug };
  });
}

async function isFreeJoinCode(db: Database, joinCode: string): Promise<boolean> {
  return !(await selectCourseByJoinCode(db, joinCode));
}

/** Switches the user's current course to one they are enrolled in. */
export async function switchCourse(db: Database, userId: string, courseId: string): Promise<boolean> {
  const mine = await listCoursesForUser(db, userId);
  if (!mine.some((c) => c.id === courseId)) return false;
  await setCurrentCourse(db, userId, courseId);
  return true;
}
