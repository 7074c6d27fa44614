import {
  listCoursesForUser,
  type Course,
  type CourseRole,
  type CourseWithRole,
  type Database,
  type LatePolicy,
  type Membership,
} from '@deltalab/db';

export interface CurrentCourse {
  id: string;
  slug: string;
  title: string;
  joinCode: string;
  /** The user's role there (what they may do: ask the permission module with `courseCan(course, …)`). */
  role: CourseRole;
  /** A student who was dropped: the course is closed to them. */
  dropped: boolean;
  /** An archived course is read-only. */
  archived: boolean;
  /** The user is a test student (a staff member's student view). */
  testStudent: boolean;
  section: string | null;
  /** IANA zone due dates are shown in. */
  timeZone: string;
  latePolicy: LatePolicy;
  latePenalty: number;
}

/** A course as seen by one of its members. */
export function currentCourseOf(course: Course, membership: Membership): CurrentCourse {
  const { id, slug, title, joinCode, timeZone, latePolicy, latePenalty } = course;
  return {
    id,
    slug,
    title,
    joinCode,
    role: membership.role,
    dropped: membership.droppedAt !== null,
    archived: course.archivedAt !== null,
    testStudent: membership.testStudent,
    section: membership.section,
    timeZone,
    latePolicy,
    latePenalty,
  };
}

export const currentCourseOfRow = (row: CourseWithRole): CurrentCourse => currentCourseOf(row, row);

/** The course a user works in: the one they last switched to, else their first enrollment. */
export async function getCurrentCourse(db: Database, userId: string): Promise<CurrentCourse | null> {
  const [course] = await listCoursesForUser(db, userId);
  return course ? currentCourseOfRow(course) : null;
}
