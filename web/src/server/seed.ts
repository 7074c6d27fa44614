import {
  enrollUser,
  insertCourse,
  insertUser,
  selectCourseBySlug,
  selectOptionalUserByEmail,
  selectUserByEmail,
  upsertCourseExercise,
  type Database,
} from '@deltalab/db';
import { loadExercises, type Exercise } from '@deltalab/exercises';
import { endOfDay } from '../lib/endOfDay';
import { hashPassword } from './services/auth/passwords';
import { registerExercises } from './services/exercises/registerExercises';
import { ensureTopicHomework } from './services/assessments/topicHomework';

/** Fixed demo data, documented in the README and printed at first start. */
export const demoCourse = {
  slug: 'deep-learning-ffn',
  title: 'Deep Learning: Feed-Forward Networks',
  joinCode: 'DELTA-FFN',
  /** Due dates fall at the end of a day in this zone, and the site shows them on its clock (instructors may change it). */
  timeZone: 'UTC',
} as const;

/** A second course with an instructor of its own: switching courses, and "an instructor of another course" in tests. */
const demoSecondCourse = {
  slug: 'deltalab-sandbox',
  title: 'Deltalab Sandbox',
  joinCode: 'SANDBOX-1',
  timeZone: 'UTC',
} as const;

export const demoPassword = 'deltalab-demo';

/** The demo accounts (their password is in the README): never wanted on a real server. */
const demoUsers = [
  { email: 'instructor@deltalab.test', name: 'Ada Instructor', role: 'instructor', createsCourses: true },
  { email: 'student1@deltalab.test', name: 'Student One', role: 'student' },
  { email: 'student2@deltalab.test', name: 'Student Two', role: 'student' },
  { email: 'student3@deltalab.test', name: 'Student Three', role: 'student' },
  { email: 'instructor2@deltalab.test', name: 'Grace Instructor', role: 'instructor', createsCourses: true, course: 'second' },
] as const;

export const demoAccountEmails: readonly string[] = demoUsers.map((u) => u.email);
export const demoCourseSlugs: readonly string[] = [demoCourse.slug, demoSecondCourse.slug];

export interface SeedResult {
  /** True when this run created the demo course (a fresh database). */
  created: boolean;
  courseId: string;
  /** The second demo course (its own instructor, no students). */
  secondCourseId: string;
  userIds: Record<string, string>;
  exerciseCount: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The demo course, its instructor and three students (enrolled), and every exercise registered in the order of
 * the notes. Safe to run on every start: existing rows are kept as they are.
 */
export async function seed(db: Database, options: { exercises?: readonly Exercise[]; now?: Date } = {}): Promise<SeedResult> {
  const list = options.exercises ?? loadExercises();
  const now = options.now ?? new Date();

  const inserted = await insertCourse(db, {
    slug: demoCourse.slug,
    title: demoCourse.title,
    joinCode: demoCourse.joinCode,
    timeZone: demoCourse.timeZone,
  });
  const course = inserted ?? (await selectCourseBySlug(db, demoCourse.slug));
  const secondInserted = await insertCourse(db, { ...demoSecondCourse });
  const second = secondInserted ?? (await selectCourseBySlug(db, demoSecondCourse.slug));

  const userIds: Record<string, string> = {};
  let passwordHash: string | undefined;
  for (const demo of demoUsers) {
    let user = await selectOptionalUserByEmail(db, demo.email);
    if (!user) {
      passwordHash ??= await hashPassword(demoPassword);
      user =
        (await insertUser(db, { email: demo.email, name: demo.name, canCreateCourses: 'createsCourses' in demo, passwordHash })) ??
        (await selectUserByEmail(db, demo.email));
    }
    userIds[demo.email] = user.id;
    await enrollUser(db, { userId: user.id, courseId: 'course' in demo ? second.id : course.id, role: demo.role });
  }

  // Due dates a week apart per topic, starting a week after the first seed, at 23:59 in the course's time zone
  // (end of that day, so always in the future of the seed), so the demo shows them.
  const topicsInOrder = [...new Set(list.map((e) => e.topic))];
  const ids = await registerExercises(db, list, {
    courseId: course.id,
    dueAtFor: (exercise) => endOfDay(new Date(now.getTime() + (topicsInOrder.indexOf(exercise.topic) + 1) * 7 * dayMs), course.timeZone),
    maxAttemptsFor: (exercise) => (exercise.kind === 'choice' ? 3 : exercise.kind === 'numeric' ? 10 : null),
  });

  // The second course starts with the catalogue too (no due dates, no limits).
  if (secondInserted) {
    for (const [position, exerciseId] of [...ids.values()].entries())
      await upsertCourseExercise(db, { courseId: second.id, exerciseId, position });
  }
  // Assessments: one homework per topic keeping the due dates, and in the demo course a 20-minute quiz (3 of 5).
  await ensureTopicHomework(db, course.id, { quiz: true, quizDueAt: endOfDay(new Date(now.getTime() + 14 * dayMs), course.timeZone) });
  await ensureTopicHomework(db, second.id);

  return { created: inserted !== null, courseId: course.id, secondCourseId: second.id, userIds, exerciseCount: list.length };
}

export function demoCredentialsText(): string {
  const lines = demoUsers.map((u) => `    ${u.role.padEnd(10)} ${u.email}${'course' in u ? ` (${demoSecondCourse.title})` : ''}`);
  return [
    `  Demo course: ${demoCourse.title} (join code ${demoCourse.joinCode}); a second one: ${demoSecondCourse.title} (${demoSecondCourse.joinCode})`,
    `  Demo accounts (password: ${demoPassword}):`,
    ...lines,
  ].join('\n');
}
