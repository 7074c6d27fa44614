import 'server-only';
import { randomBytes } from 'node:crypto';
import {
  deleteLtiDeepLink,
  enrollUser,
  insertCourse,
  linkLtiContext,
  listCoursesForUser,
  selectEnrollment,
  selectOptionalCourseById,
  selectOptionalLtiContext,
  selectOptionalLtiDeepLink,
  selectOptionalLtiPlatform,
  setCurrentCourse,
  type Database,
  type LtiContext,
} from '@deltalab/db';
import { loadExercises } from '@deltalab/exercises';
import { courseCan, refusal } from '../auth/permissions';
import { registerExercises } from '../services/exercises/registerExercises';
import { deepLinkingResponse, type PickedResource } from './deepLinking';
import { courseGradedResources } from './gradedResources';
import { enterAfterLink } from './launchFlow';
import type { LaunchGrant } from './ltiSession';
import { queueContextScores } from './gradePassback';

/** A step after the launch refused: the check that failed, for a page. */
export class LtiStepRefusal extends Error {
  constructor(
    readonly check: string,
    message: string,
    readonly status = 403,
  ) {
    super(message);
  }
}

/** The launch grant must be this signed-in user's (a launch from the LMS just before, in this browser). */
export function requireGrant(userId: string, grant: LaunchGrant | null): LaunchGrant {
  if (!grant || grant.userId !== userId)
    throw new LtiStepRefusal('launch', 'This page follows a launch from the LMS: launch Deltalab from your LMS course again.', 403);
  return grant;
}

/** The launch grant must be this signed-in user's, for a context that still exists. */
async function contextOfGrant(db: Database, userId: string, grant: LaunchGrant | null): Promise<LtiContext> {
  requireGrant(userId, grant);
  const context = await selectOptionalLtiContext(db, grant!.contextId);
  if (!context) throw new LtiStepRefusal('launch', 'This LMS course is no longer known: launch again from the LMS.', 404);
  return context;
}

const lmsStanding = (grant: LaunchGrant) => ({ role: grant.role, dropped: false, archived: false });

export interface LinkChoice {
  context: LtiContext;
  courses: { id: string; title: string; slug: string }[];
}

/** What the link page offers: the courses this user may link (they hold lti.link there). */
export async function linkChoices(db: Database, userId: string, grant: LaunchGrant | null): Promise<LinkChoice | { linked: string }> {
  const context = await contextOfGrant(db, userId, grant);
  if (context.courseId) return { linked: await enterAfterLink(db, context, grant!) };
  if (!courseCan(lmsStanding(grant!), 'lti.link'))
    throw new LtiStepRefusal('role', 'Your instructor has not set this up yet: Deltalab is not linked to this LMS course.', 403);
  const mine = await listCoursesForUser(db, userId);
  const courses = mine
    .filter((c) => courseCan({ role: c.role, dropped: !!c.droppedAt, archived: !!c.archivedAt }, 'lti.link'))
    .map((c) => ({ id: c.id, title: c.title, slug: c.slug }));
  return { context, courses };
}

/**
 * Links the LMS course to a Deltalab course the user holds lti.link in, or to a new course (named after the LMS
 * course, with the catalogue's exercises and a join code of its own) that the LMS's instructor then teaches. Grades
 * already earned there are queued for the LMS at once. Returns where to go next.
 */
export async function linkContext(db: Database, userId: string, grant: LaunchGrant | null, choice: string | null): Promise<string> {
  const context = await contextOfGrant(db, userId, grant);
  if (context.courseId) throw new LtiStepRefusal('link', 'This LMS course is linked already.', 409);
  if (!courseCan(lmsStanding(grant!), 'lti.link'))
    throw new LtiStepRefusal('role', 'Only an instructor of the LMS course can link it to Deltalab.', 403);
  let courseId: string;
  if (choice === 'new') {
    courseId = await createCourseForContext(db, context, userId);
  } else {
    if (!choice || !/^[0-9a-f-]{36}$/.test(choice)) throw new LtiStepRefusal('course', 'Choose a course to link, or a new one.', 400);
    const course = await selectOptionalCourseById(db, choice);
    const enrollment = course ? await selectEnrollment(db, userId, course.id) : undefined;
    const standing =
      enrollment && course ? { role: enrollment.role, dropped: !!enrollment.droppedAt, archived: !!course.archivedAt } : null;
    if (!course || !courseCan(standing, 'lti.link'))
      throw new LtiStepRefusal('course', refusal({ site: null, course: standing }, 'lti.link', course?.title ?? 'that course'), 403);
    courseId = course.id;
  }
  const linked = (await linkLtiContext(db, context.id, courseId))!;
  await queueContextScores(db, linked.id);
  return enterAfterLink(db, linked, grant!);
}

async function createCourseForContext(db: Database, context: LtiContext, userId: string): Promise<string> {
  const catalogue = loadExercises();
  return db.transaction(async (tx) => {
    const base =
      context.title
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'lms-course';
    for (let i = 0; i < 20; i++) {
      const slug = i === 0 ? base : `${base}-${i + 1}`;
      const joinCode = `LTI-${randomBytes(4).toString('hex').toUpperCase()}`;
      const course = await insertCourse(tx, { title: context.title, slug, joinCode, timeZone: 'UTC' });
      if (!course) continue;
      await enrollUser(tx, { userId, courseId: course.id, role: 'instructor' });
      await registerExercises(tx, catalogue, { courseId: course.id });
      await setCurrentCourse(tx, userId, course.id);
      return course.id;
    }
    throw new LtiStepRefusal('course', 'Could not find a free address for a new course: link an existing one.', 409);
  });
}

export interface DeepLinkChoice {
  requestId: string;
  courseTitle: string;
  multiple: boolean;
  /** The course's published assessments (one gradebook column each) and exercises. */
  assessments: PickedResource[];
  exercises: PickedResource[];
}

async function deepLinkContext(db: Database, userId: string, grant: LaunchGrant | null) {
  const context = await contextOfGrant(db, userId, grant);
  const request = grant!.deepLinkId ? await selectOptionalLtiDeepLink(db, grant!.deepLinkId) : undefined;
  if (!request || request.userId !== userId)
    throw new LtiStepRefusal(
      'deep-link',
      'This deep-linking request is used or expired: choose "add external tool" in the LMS again.',
      410,
    );
  if (!context.courseId) throw new LtiStepRefusal('link', 'Link this LMS course to a Deltalab course first.', 409);
  const course = (await selectOptionalCourseById(db, context.courseId))!;
  const enrollment = await selectEnrollment(db, userId, course.id);
  const standing = enrollment ? { role: enrollment.role, dropped: !!enrollment.droppedAt, archived: !!course.archivedAt } : null;
  if (!courseCan(standing, 'lti.deepLink'))
    throw new LtiStepRefusal('role', refusal({ site: null, course: standing }, 'lti.deepLink', course.title), 403);
  const resources = (await courseGradedResources(db, course.id))
    .filter((r) => r.published)
    .map(({ kind, id, slug, title, maxPoints }) => ({ kind, id, slug, title, maxPoints }));
  return { context, request, course, resources };
}

/** The deep-linking picker: the linked course's published assessments and exercises. */
export async function deepLinkChoices(db: Database, userId: string, grant: LaunchGrant | null): Promise<DeepLinkChoice> {
  const { request, course, resources } = await deepLinkContext(db, userId, grant);
  return {
    requestId: request.id,
    courseTitle: course.title,
    multiple: request.acceptMultiple === 1,
    assessments: resources.filter((r) => r.kind === 'assessment'),
    exercises: resources.filter((r) => r.kind === 'exercise'),
  };
}

/** What the instructor picked: slugs of assessments and of exercises. */
export interface DeepLinkPicks {
  assessments?: string[];
  exercises?: string[];
}

/** The picked assessments and exercises as a signed LtiDeepLinkingResponse, and where to post it. The request is used up. */
export async function completeDeepLink(
  db: Database,
  userId: string,
  grant: LaunchGrant | null,
  picks: DeepLinkPicks,
  baseUrl: string,
): Promise<{ returnUrl: string; jwt: string; count: number }> {
  const { context, request, resources } = await deepLinkContext(db, userId, grant);
  const wanted = [
    ...(picks.assessments ?? []).map((slug) => ({ kind: 'assessment' as const, slug })),
    ...(picks.exercises ?? []).map((slug) => ({ kind: 'exercise' as const, slug })),
  ];
  if (wanted.length === 0) throw new LtiStepRefusal('pick', 'Pick at least one assessment or exercise.', 400);
  const unknown = wanted.filter((w) => !resources.some((r) => r.kind === w.kind && r.slug === w.slug));
  if (unknown.length > 0)
    throw new LtiStepRefusal(
      unknown[0]!.kind,
      `Not ${unknown[0]!.kind === 'assessment' ? 'a published assessment' : 'an exercise'} of this course: ${unknown.map((u) => u.slug).join(', ')}.`,
      400,
    );
  if (request.acceptMultiple !== 1 && wanted.length > 1)
    throw new LtiStepRefusal(wanted[0]!.kind, 'The LMS takes one item here: pick one assessment or exercise.', 400);
  const picked = resources.filter((r) => wanted.some((w) => w.kind === r.kind && w.slug === r.slug));
  const platform = (await selectOptionalLtiPlatform(db, context.platformId))!;
  const jwt = await deepLinkingResponse(db, { platform, deploymentId: context.deploymentId, data: request.data, baseUrl, picked });
  await deleteLtiDeepLink(db, request.id);
  return { returnUrl: request.returnUrl, jwt, count: picked.length };
}
