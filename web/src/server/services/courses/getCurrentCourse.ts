import { listCoursesForUser, type CourseRole, type Database, type LatePolicy } from '@deltalab/db';

export interface CurrentCourse {
  id: string;
  slug: string;
  title: string;
  joinCode: string;
  role: CourseRole;
  /** IANA zone due dates are shown in. */
  timeZone: string;
  latePolicy: LatePolicy;
  latePenalty: number;
}

/** The course a user works in: their first enrollment (students normally have exactly one). */
export async function getCurrentCourse(db: Database, userId: string): Promise<CurrentCourse | null> {
  const [course] = await listCoursesForUser(db, userId);
  if (!course) return null;
  const { id, slug, title, joinCode, role, timeZone, latePolicy, latePenalty } = course;
  return { id, slug, title, joinCode, role, timeZone, latePolicy, latePenalty };
}
