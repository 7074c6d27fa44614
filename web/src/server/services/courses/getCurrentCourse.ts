import { listCoursesForUser, type CourseRole, type Database } from '@deltalab/db';

export interface CurrentCourse {
  id: string;
  slug: string;
  title: string;
  joinCode: string;
  role: CourseRole;
}

/** The course a user works in: their first enrollment (students normally have exactly one). */
export async function getCurrentCourse(db: Database, userId: string): Promise<CurrentCourse | null> {
  const [course] = await listCoursesForUser(db, userId);
  return course ? { id: course.id, slug: course.slug, title: course.title, joinCode: course.joinCode, role: course.role } : null;
}
