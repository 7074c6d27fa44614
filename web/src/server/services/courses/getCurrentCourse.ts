import { asc, eq } from 'drizzle-orm';
import { courses, enrollments, type CourseRole, type Database } from '@deltalab/db';

export interface CurrentCourse {
  id: string;
  slug: string;
  title: string;
  joinCode: string;
  role: CourseRole;
}

/** The course a user works in: their first enrollment (students normally have exactly one). */
export async function getCurrentCourse(db: Database, userId: string): Promise<CurrentCourse | null> {
  const [row] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title, joinCode: courses.joinCode, role: enrollments.role })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(eq(enrollments.userId, userId))
    .orderBy(asc(enrollments.createdAt))
    .limit(1);
  return row ?? null;
}
