import { asc, eq, sql, type Placeholder } from 'drizzle-orm';
import type { Database } from '../database';
import { courses, enrollments, users, type Course, type CourseRole, type NewCourse } from '../schema';
import { found } from './errors';

/** Inserts a course. Returns null when the slug or join code is taken. */
export async function insertCourse(
  db: Database,
  input: Pick<NewCourse, 'title' | 'slug' | 'joinCode'> & Partial<Pick<NewCourse, 'timeZone' | 'latePolicy' | 'latePenalty'>>,
): Promise<Course | null> {
  const [row] = await db.insert(courses).values(input).onConflictDoNothing().returning();
  return row ?? null;
}

export async function selectOptionalCourseById(db: Database, id: string): Promise<Course | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id)).limit(1);
  return row;
}

export async function selectCourseById(db: Database, id: string): Promise<Course> {
  return found(await selectOptionalCourseById(db, id), 'course', `id ${id}`);
}

export async function selectOptionalCourseBySlug(db: Database, slug: string): Promise<Course | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.slug, slug)).limit(1);
  return row;
}

export async function selectCourseBySlug(db: Database, slug: string): Promise<Course> {
  return found(await selectOptionalCourseBySlug(db, slug), 'course', `slug ${slug}`);
}

/** Join codes are compared exactly after trimming; undefined means "wrong join code". */
export async function selectCourseByJoinCode(db: Database, joinCode: string): Promise<Course | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.joinCode, joinCode.trim())).limit(1);
  return row;
}

export interface CourseWithRole extends Course {
  role: CourseRole;
}

/** Orders the course the user last switched to first (a primary-key lookup inside the same statement). */
export function currentCourseFirst(userId: string | Placeholder) {
  return sql`(${courses.id} is not distinct from (select ${users.currentCourseId} from ${users} where ${users.id} = ${userId})) desc`;
}

/** Makes a course the user's current one (they must be enrolled: the caller checks). */
export async function setCurrentCourse(db: Database, userId: string, courseId: string): Promise<void> {
  await db.update(users).set({ currentCourseId: courseId }).where(eq(users.id, userId));
}

/** The courses a user is enrolled in, with their role there: the current one first, then oldest enrollment first. */
export async function listCoursesForUser(db: Database, userId: string): Promise<CourseWithRole[]> {
  const rows = await db
    .select({ course: courses, role: enrollments.role })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(eq(enrollments.userId, userId))
    .orderBy(currentCourseFirst(userId), asc(enrollments.createdAt), asc(courses.title));
  return rows.map(({ course, role }) => ({ ...course, role }));
}

export type CourseSettings = Pick<Course, 'timeZone' | 'latePolicy' | 'latePenalty'>;

/** Sets a course's time zone and late policy (validated by the caller). Returns the updated course. */
export async function updateCourseSettings(db: Database, courseId: string, settings: CourseSettings): Promise<Course> {
  const [row] = await db.update(courses).set(settings).where(eq(courses.id, courseId)).returning();
  return found(row, 'course', `id ${courseId}`);
}
