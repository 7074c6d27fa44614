import { and, asc, eq, sql, type Placeholder } from 'drizzle-orm';
import type { Database } from '../database';
import { courses, enrollments, users, type Course, type Enrollment, type NewCourse } from '../schema';
import { found } from './errors';
import { rowsOf } from '../rawRows';

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

/** A member's standing in a course: what the permission module decides from. */
export type Membership = Pick<Enrollment, 'role' | 'droppedAt' | 'testStudent' | 'section'>;

export interface CourseWithRole extends Course, Membership {}

/** The membership columns, selected next to a course. */
export const membershipColumns = {
  role: enrollments.role,
  droppedAt: enrollments.droppedAt,
  testStudent: enrollments.testStudent,
  section: enrollments.section,
};

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
    .select({ course: courses, membership: membershipColumns })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(eq(enrollments.userId, userId))
    .orderBy(currentCourseFirst(userId), asc(enrollments.createdAt), asc(courses.title));
  return rows.map(({ course, membership }) => ({ ...course, ...membership }));
}

/** A course by slug with the user's membership in it (null when they are not a member); undefined: no such course. */
export async function selectCourseWithMembership(
  db: Database,
  userId: string,
  slug: string,
): Promise<{ course: Course; membership: Membership | null } | undefined> {
  const [row] = await db
    .select({ course: courses, membership: membershipColumns, member: enrollments.userId })
    .from(courses)
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, userId)))
    .where(eq(courses.slug, slug))
    .limit(1);
  if (!row) return undefined;
  return { course: row.course, membership: row.member === null ? null : (row.membership as Membership) };
}

/** Archives (read-only from then on) or unarchives a course. Undefined: no such course. */
export async function setCourseArchived(db: Database, courseId: string, archived: boolean): Promise<Course | undefined> {
  const [row] = await db
    .update(courses)
    .set({ archivedAt: archived ? sql`coalesce(${courses.archivedAt}, now())` : null })
    .where(eq(courses.id, courseId))
    .returning();
  return row;
}

export interface CourseListRow extends Pick<Course, 'id' | 'slug' | 'title' | 'joinCode' | 'archivedAt' | 'createdAt'> {
  /** Its instructors' names, by name. */
  instructors: string[];
  students: number;
  teachingAssistants: number;
  submissions: number;
}

/** Every course of the site, newest first, with its staff and sizes (the administrators' list). */
export async function listAllCourses(db: Database): Promise<CourseListRow[]> {
  const rows = await db.execute(sql`
    select c.id, c.slug, c.title, c.join_code as "joinCode", c.archived_at as "archivedAt", c.created_at as "createdAt",
      coalesce((select json_agg(u.name order by u.name) from enrollments e join users u on u.id = e.user_id
        where e.course_id = c.id and e.role = 'instructor'), '[]'::json) as instructors,
      (select count(*)::int from enrollments e where e.course_id = c.id and e.role = 'student' and not e.test_student) as students,
      (select count(*)::int from enrollments e where e.course_id = c.id and e.role = 'teaching-assistant') as "teachingAssistants",
      (select count(*)::int from submissions s where s.course_id = c.id) as submissions
    from courses c order by c.created_at desc, c.title`);
  return rowsOf<Record<string, unknown>>(rows).map((row) => ({
    id: row.id as string,
    slug: row.slug as string,
    title: row.title as string,
    joinCode: row.joinCode as string,
    archivedAt: row.archivedAt == null ? null : new Date(row.archivedAt as string),
    createdAt: new Date(row.createdAt as string),
    instructors: (typeof row.instructors === 'string' ? JSON.parse(row.instructors) : row.instructors) as string[],
    students: Number(row.students),
    teachingAssistants: Number(row.teachingAssistants),
    submissions: Number(row.submissions),
  }));
}

/** Deletes a course and everything in it (its enrollments, submissions, settings). */
export async function deleteCourse(db: Database, courseId: string): Promise<void> {
  await db.delete(courses).where(eq(courses.id, courseId));
}

export type CourseSettings = Pick<Course, 'timeZone' | 'latePolicy' | 'latePenalty'>;

/** Sets a course's time zone and late policy (validated by the caller). Returns the updated course. */
export async function updateCourseSettings(db: Database, courseId: string, settings: CourseSettings): Promise<Course> {
  const [row] = await db.update(courses).set(settings).where(eq(courses.id, courseId)).returning();
  return found(row, 'course', `id ${courseId}`);
}
