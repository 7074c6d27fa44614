import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../database';
import { enrollments, users, type CourseRole, type Enrollment } from '../schema';

/** Enrolls a user; returns false (and changes nothing) when already enrolled. */
export async function enrollUser(
  db: Database,
  input: { userId: string; courseId: string; role?: CourseRole; testStudent?: boolean },
): Promise<boolean> {
  const rows = await db
    .insert(enrollments)
    .values({ userId: input.userId, courseId: input.courseId, role: input.role ?? 'student', testStudent: input.testStudent ?? false })
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
      // course_role is the enum ('student', 'instructor'): descending puts instructors first.
      .orderBy(desc(enrollments.role), asc(users.name), asc(users.email))
  );
}
