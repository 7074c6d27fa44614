import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { enrollments, users, type CourseRole, type Enrollment } from '../schema';
import { rowsOf } from '../rawRows';

/** Enrolls a user; returns false (and changes nothing) when already enrolled. */
export async function enrollUser(
  db: Database,
  input: { userId: string; courseId: string; role?: CourseRole; testStudent?: boolean; section?: string | null },
): Promise<boolean> {
  const rows = await db
    .insert(enrollments)
    .values({
      userId: input.userId,
      courseId: input.courseId,
      role: input.role ?? 'student',
      testStudent: input.testStudent ?? false,
      section: input.section ?? null,
    })
    .onConflictDoNothing()
    .returning({ userId: enrollments.userId });
  return rows.length > 0;
}

export async function selectEnrollment(db: Database, userId: string, courseId: string): Promise<Enrollment | undefined> {
  const [row] = await db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
    .limit(1);
  return row;
}

export interface CourseMember {
  userId: string;
  email: string;
  name: string;
  role: CourseRole;
  enrolledAt: Date;
}

/** Members of a course (optionally one role), instructors first, then by name. */
export async function listCourseMembers(db: Database, courseId: string, role?: CourseRole): Promise<CourseMember[]> {
  return (
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        role: enrollments.role,
        enrolledAt: enrollments.createdAt,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(role ? and(eq(enrollments.courseId, courseId), eq(enrollments.role, role)) : eq(enrollments.courseId, courseId))
      // course_role is the enum ('student', 'teaching-assistant', 'instructor'): descending puts instructors first.
      .orderBy(desc(enrollments.role), asc(users.name), asc(users.email))
  );
}

/** The course's staff (every role but student), instructors first, then by name; with whether each can sign in. */
export async function listCourseStaff(db: Database, courseId: string): Promise<(CourseMember & { deactivated: boolean })[]> {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: enrollments.role,
      enrolledAt: enrollments.createdAt,
      deactivated: sql<boolean>`${users.deactivatedAt} is not null`,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.courseId, courseId), ne(enrollments.role, 'student')))
    .orderBy(desc(enrollments.role), asc(users.name), asc(users.email));
}

/**
 * The course's instructors, their enrollment rows locked until the transaction ends: two staff changes that could each
 * remove "the other last instructor" then run one after the other. Call inside db.transaction.
 */
export async function lockCourseInstructors(tx: Database, courseId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: enrollments.userId })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.role, 'instructor')))
    .for('update');
  return rows.map((r) => r.userId);
}

/** Changes a member's role. False when they are not a member. */
export async function updateEnrollmentRole(db: Database, userId: string, courseId: string, role: CourseRole): Promise<boolean> {
  const rows = await db
    .update(enrollments)
    .set({ role })
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
    .returning({ userId: enrollments.userId });
  return rows.length > 0;
}

/** Removes a member from a course (their submissions there stay). False when they were not a member. */
export async function deleteEnrollment(db: Database, userId: string, courseId: string): Promise<boolean> {
  const rows = await db
    .delete(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
    .returning({ userId: enrollments.userId });
  return rows.length > 0;
}

/** Drops (or restores) a student; their submissions stay. Returns the enrollment now, undefined when not a student there. */
export async function setEnrollmentDropped(
  db: Database,
  userId: string,
  courseId: string,
  dropped: boolean,
): Promise<Enrollment | undefined> {
  const [row] = await db
    .update(enrollments)
    .set({ droppedAt: dropped ? sql`coalesce(${enrollments.droppedAt}, now())` : null })
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId), eq(enrollments.role, 'student')))
    .returning();
  return row;
}

/** Sets a student's section (null: none). Undefined when they are not a student there. */
export async function setEnrollmentSection(
  db: Database,
  userId: string,
  courseId: string,
  section: string | null,
): Promise<Enrollment | undefined> {
  const [row] = await db
    .update(enrollments)
    .set({ section })
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId), eq(enrollments.role, 'student')))
    .returning();
  return row;
}

export interface RosterStudent {
  userId: string;
  email: string;
  name: string;
  section: string | null;
  droppedAt: Date | null;
  enrolledAt: Date;
  /** Their latest submission in the course; null: none yet. */
  lastActivityAt: Date | null;
  deactivated: boolean;
}

/**
 * A course's students (test students left out), dropped ones included, by name, with their last activity (stamped on
 * the enrollment by the statement that stores a submission: no scan of the course's submissions).
 */
export async function listRoster(db: Database, courseId: string): Promise<RosterStudent[]> {
  const result = await db.execute(sql`
    select u.id as "userId", u.email, u.name, en.section, en.dropped_at as "droppedAt", en.created_at as "enrolledAt",
      u.deactivated_at is not null as deactivated, en.last_activity_at as "lastActivityAt"
    from enrollments en join users u on u.id = en.user_id
    where en.course_id = ${courseId} and en.role = 'student' and not en.test_student
    order by u.name, u.email`);
  return rowsOf<RosterStudent>(result).map((row) => ({
    ...row,
    deactivated: Boolean(row.deactivated),
    droppedAt: row.droppedAt == null ? null : new Date(row.droppedAt),
    enrolledAt: new Date(row.enrolledAt),
    lastActivityAt: row.lastActivityAt == null ? null : new Date(row.lastActivityAt),
  }));
}

/** The sections a course's students are in, sorted (the dashboards' filter). */
export async function listCourseSections(db: Database, courseId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ section: enrollments.section })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), isNotNull(enrollments.section)))
    .orderBy(asc(enrollments.section));
  return rows.map((r) => r.section!);
}
