import 'server-only';
import { createHash } from 'node:crypto';
import {
  insertLtiDeepLink,
  insertUser,
  linkLtiUser,
  selectEnrollment,
  selectLtiUserId,
  selectOptionalCourseById,
  selectOptionalUserByEmail,
  selectOptionalUserById,
  setCurrentCourse,
  takeUpInvitations,
  upsertLtiContext,
  upsertLtiLineItem,
  type Database,
  type LtiContext,
  type User,
} from '@deltalab/db';
import { courseCan } from '../auth/permissions';
import { claim } from './claims';
import { courseGradedResources, type GradedResource } from './gradedResources';
import { applyLmsRole } from './membership';
import { courseRoleOfLti } from './roles';
import { queueContextScores } from './gradePassback';
import type { LaunchGrant } from './ltiSession';
import { LaunchRefusal, type VerifiedLaunch } from './verifyLaunch';

/** Where a verified launch ends: signed in and sent somewhere, or a page saying the course is not set up. */
export type LaunchOutcome =
  { kind: 'signed-in'; account: User; redirect: string; grant: LaunchGrant } | { kind: 'not-set-up'; contextTitle: string };

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The name the launch gives (name, else given + family name, else the email's local part). */
function nameOf(claims: VerifiedLaunch['claims'], email: string): string {
  const full = claims.name?.trim() || [claims.given_name, claims.family_name].filter(Boolean).join(' ').trim();
  return (full || email.split('@')[0] || 'LMS user').slice(0, 100);
}

/**
 * The account of the launch's user: the one linked to the platform's `sub`; the first time, the account with the
 * launch's email (the platform is registered by an administrator, and vouches for its users' addresses), linked from
 * now on; else a new account (no password: it signs in through the LMS, or sets one with a reset link). Without an
 * email the new account gets an address of its own that mails nothing (`…@<issuer host>.lti.invalid`).
 */
async function accountOfLaunch(db: Database, launch: VerifiedLaunch): Promise<User> {
  const { platform, claims } = launch;
  const linked = await selectLtiUserId(db, platform.id, claims.sub);
  let user = linked ? await selectOptionalUserById(db, linked) : undefined;
  if (!user) {
    const given = claims.email?.trim().toLowerCase();
    const email =
      given && emailShape.test(given)
        ? given
        : `lti-${createHash('sha256').update(`${platform.id}\u0000${claims.sub}`).digest('hex').slice(0, 20)}@${new URL(platform.issuer).hostname}.lti.invalid`;
    user =
      (await selectOptionalUserByEmail(db, email)) ??
      (await insertUser(db, { email, name: nameOf(claims, email) })) ??
      (await selectOptionalUserByEmail(db, email))!;
    const owner = await linkLtiUser(db, platform.id, claims.sub, user.id);
    if (owner !== user.id) user = (await selectOptionalUserById(db, owner))!;
    // Pending student enrollments of this address (roster import, NRPS) are taken up like at a sign-up.
    await takeUpInvitations(db, user, { studentsOnly: true });
  }
  if (user.deactivatedAt)
    throw new LaunchRefusal('account', `The Deltalab account ${user.email} is deactivated: ask an administrator to reactivate it.`, 403);
  return user;
}

/**
 * The resource a resource link points at: its custom parameter `assessment` or `exercise` (what deep linking sets: a
 * slug), else none.
 */
function linkedResourceOf(launch: VerifiedLaunch): { kind: GradedResource['kind']; slug: string } | null {
  const custom = launch.claims[claim.custom];
  for (const kind of ['assessment', 'exercise'] as const) {
    const slug = custom?.[kind];
    if (typeof slug === 'string' && /^[a-z0-9-]{1,100}$/.test(slug)) return { kind, slug };
  }
  return null;
}

/** Where a resource's page is. */
const pageOf = (resource: GradedResource) => `/${resource.kind === 'assessment' ? 'assessments' : 'exercises'}/${resource.slug}`;

/**
 * After the checks: the role, the account, the LMS course. An unlinked LMS course sends someone who holds `lti.link`
 * there (an instructor) to link it, and tells anyone else that it is not set up. A linked one enrolls the user with the
 * LMS's role and lands them on the assessment or exercise the link names (recording its line item), the deep-linking picker, or the
 * course home.
 */
export async function completeLaunch(db: Database, launch: VerifiedLaunch): Promise<LaunchOutcome> {
  const { claims, platform } = launch;
  const roles = claims[claim.roles];
  const role = courseRoleOfLti(roles);
  if (!role)
    throw new LaunchRefusal(
      'roles',
      `Your roles in this LMS course (${roles.length > 0 ? roles.join(', ') : 'none'}) include none Deltalab knows: Instructor, TeachingAssistant or Learner.`,
      403,
    );
  const contextClaim = claims[claim.context];
  const ags = claims[claim.ags];
  const context = await upsertLtiContext(db, {
    platformId: platform.id,
    deploymentId: launch.deploymentId,
    contextId: contextClaim.id,
    title: (contextClaim.title ?? contextClaim.label ?? contextClaim.id).slice(0, 200),
    membershipsUrl: claims[claim.nrps]?.context_memberships_url ?? null,
    lineItemsUrl: ags?.lineitems ?? null,
    agsScopes: ags?.scope ?? [],
  });
  const mayLink = courseCan({ role, dropped: false, archived: false }, 'lti.link');
  if (!context.courseId && !mayLink) return { kind: 'not-set-up', contextTitle: context.title };
  const account = await accountOfLaunch(db, launch);
  const grant: LaunchGrant = { userId: account.id, contextId: context.id, role };
  if (launch.messageType === 'LtiDeepLinkingRequest') {
    const settings = claims[claim.deepLinking]!;
    const request = await insertLtiDeepLink(db, {
      contextId: context.id,
      userId: account.id,
      returnUrl: settings.deep_link_return_url,
      data: settings.data ?? null,
      acceptMultiple: settings.accept_multiple === false ? 0 : 1,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    grant.deepLinkId = request.id;
  }
  if (!context.courseId) return { kind: 'signed-in', account, grant, redirect: '/api/lti/link' };
  return { kind: 'signed-in', account, grant, redirect: await enterLinkedCourse(db, context, account.id, role, launch) };
}

/** A launch into a linked course: membership, line item, where to land. */
async function enterLinkedCourse(
  db: Database,
  context: LtiContext,
  userId: string,
  role: NonNullable<ReturnType<typeof courseRoleOfLti>>,
  launch: VerifiedLaunch | null,
): Promise<string> {
  const courseId = context.courseId!;
  await applyLmsRole(db, courseId, userId, role);
  await setCurrentCourse(db, userId, courseId);
  const enrollment = await selectEnrollment(db, userId, courseId);
  const course = await selectOptionalCourseById(db, courseId);
  const standing = enrollment && course ? { role: enrollment.role, dropped: !!enrollment.droppedAt, archived: !!course.archivedAt } : null;
  if (launch?.messageType === 'LtiDeepLinkingRequest') return courseCan(standing, 'lti.deepLink') ? '/api/lti/deep-link' : '/course';
  const wanted = launch ? linkedResourceOf(launch) : null;
  if (wanted) {
    const resource = (await courseGradedResources(db, courseId, wanted.kind)).find((r) => r.slug === wanted.slug);
    const lineItemUrl = launch?.claims[claim.ags]?.lineitem;
    if (resource && lineItemUrl && resource.maxPoints > 0) {
      const item = await upsertLtiLineItem(db, {
        contextId: context.id,
        courseId,
        resourceKind: resource.kind,
        resourceId: resource.id,
        url: lineItemUrl,
        scoreMaximum: resource.maxPoints,
        label: resource.title,
      });
      // A line item seen for the first time (once per column, so awaited): grades earned before are sent now.
      if (item.changed)
        await queueContextScores(db, context.id).catch((error: unknown) => console.error('LTI: queueing scores failed', error));
    }
    if (resource) return pageOf(resource);
  }
  return courseCan(standing, 'course.dashboard.view') ? '/instructor' : '/course';
}

/** After linking (or creating) the course: the user enters it as their launch said. */
export async function enterAfterLink(db: Database, context: LtiContext, grant: LaunchGrant): Promise<string> {
  const redirect = await enterLinkedCourse(db, context, grant.userId, grant.role, null);
  return grant.deepLinkId ? '/api/lti/deep-link' : redirect;
}
