import { selectCourseWithMembership, type Database } from '@deltalab/db';
import { currentCourseOf, getCurrentCourse, type CurrentCourse } from '../services/courses/getCurrentCourse';
import { SubmissionError } from '../services/submissions/submissionError';
import { can, refusal, type Actor, type CoursePermission, type CourseStanding, type SiteRights } from './permissions';

/** The shape of every course slug (createCourse makes them from titles): lower-case letters, digits, dashes. */
export function isCourseSlug(text: string): boolean {
  return /^[a-z0-9-]{1,64}$/.test(text);
}

/** Someone's standing in a course, as the permission module reads it. */
export function standingIn(course: Pick<CurrentCourse, 'role' | 'dropped' | 'archived'> | null): CourseStanding | null {
  return course ? { role: course.role, dropped: course.dropped, archived: course.archived } : null;
}

export function actorIn(site: SiteRights | null, course: Pick<CurrentCourse, 'role' | 'dropped' | 'archived'> | null): Actor {
  return { site, course: standingIn(course) };
}

/**
 * The course a request acts on, for someone who must hold `permission` there: the course named by slug (`?course=`),
 * else the user's current course. Refusals are SubmissionErrors: an unknown slug 404, no course at all 403
 * `not-enrolled`, anyone without the permission (not a member, a dropped student, a lesser role, an archived course
 * for a change) 403 with the permission module's sentence.
 */
export async function requireCoursePermission(
  db: Database,
  userId: string,
  permission: CoursePermission,
  courseSlug?: string | null,
): Promise<CurrentCourse> {
  let course: CurrentCourse | null;
  if (courseSlug) {
    // Text no slug can be (NUL, spaces…) never reaches the database: it names no course.
    const found = isCourseSlug(courseSlug) ? await selectCourseWithMembership(db, userId, courseSlug) : undefined;
    if (!found)
      throw new SubmissionError('not-found', `No course '${courseSlug.length > 64 ? `${courseSlug.slice(0, 64)}…` : courseSlug}'.`);
    if (!found.membership) throw new SubmissionError('forbidden', refusal(actorIn(null, null), permission, found.course.title));
    course = currentCourseOf(found.course, found.membership);
  } else {
    course = await getCurrentCourse(db, userId);
    if (!course) throw new SubmissionError('not-enrolled', 'You are not in a course: join one with its join code on /course first.');
  }
  const actor = actorIn(null, course);
  if (!can(actor, permission)) throw new SubmissionError('forbidden', refusal(actor, permission, course.title));
  return course;
}
