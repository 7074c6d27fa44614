import 'server-only';
import { z } from 'zod';
import {
  linkLtiUser,
  listCourseMembersOnPlatform,
  listLtiUsersOfPlatform,
  markLtiRosterSynced,
  selectEnrollment,
  selectOptionalLtiContext,
  selectOptionalLtiPlatform,
  selectOptionalUserByEmail,
  setEnrollmentDropped,
  upsertStudentInvitation,
  type Database,
} from '@deltalab/db';
import { courseCan } from '../auth/permissions';
import { newSecret } from '../services/people/secretLinks';
import { nextLink, scopes, serviceRequest, ServiceError } from './ags';
import { applyLmsRole } from './membership';
import { courseRoleOfLti } from './roles';

const member = z.object({
  user_id: z.string().min(1).max(255),
  roles: z.array(z.string()).default([]),
  status: z.enum(['Active', 'Inactive', 'Deleted']).default('Active'),
  name: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
});
const container = z.object({ members: z.array(z.unknown()) });

export interface RosterSyncReport {
  members: number;
  enrolled: number;
  changed: number;
  pending: number;
  dropped: number;
  skipped: string[];
}

/** The LMS's membership list (NRPS 2.0), every page (`Link: rel="next"`). */
async function fetchMembers(db: Database, platform: Parameters<typeof serviceRequest>[1], url: string) {
  const members: z.infer<typeof member>[] = [];
  const skipped: string[] = [];
  for (let next: string | null = url, pages = 0; next && pages < 200; pages++) {
    const response = await serviceRequest(db, platform, [scopes.memberships], next, {
      method: 'GET',
      headers: { Accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' },
    });
    if (!response.ok) throw new ServiceError(`The LMS's membership service answered ${response.status}.`, response.status >= 500);
    const page = container.safeParse(await response.json().catch(() => null));
    if (!page.success) throw new ServiceError('The LMS’s membership service sent something that is not a membership container.', false);
    for (const raw of page.data.members) {
      const parsed = member.safeParse(raw);
      if (parsed.success) members.push(parsed.data);
      else skipped.push(`a member without a usable user_id (${parsed.error.issues[0]!.message})`);
    }
    next = nextLink(response.headers.get('link'));
  }
  return { members, skipped };
}

/**
 * Brings a linked course's roster in step with the LMS course's (NRPS). Members known by their platform id, or whose
 * email has an account (linked now), are enrolled with their LMS role (never demoting the last instructor); unknown
 * students become pending enrollments of their email, taken up when they first launch or sign up; members the LMS
 * lists as Inactive/Deleted, and students known to this platform whom the LMS no longer lists, are dropped (their work
 * stays). Staff without an account are reported, not invited (a staff invitation needs its link).
 */
export async function syncRoster(db: Database, contextId: string): Promise<RosterSyncReport> {
  const context = await selectOptionalLtiContext(db, contextId);
  if (!context?.courseId) throw new ServiceError('This LMS course is not linked to a Deltalab course.', false);
  if (!context.membershipsUrl)
    throw new ServiceError('The LMS has not offered its roster (no Names and Role service) for this course.', false);
  const platform = (await selectOptionalLtiPlatform(db, context.platformId))!;
  const courseId = context.courseId;
  const { members, skipped } = await fetchMembers(db, platform, context.membershipsUrl);
  const report: RosterSyncReport = { members: members.length, enrolled: 0, changed: 0, pending: 0, dropped: 0, skipped };
  const known = await listLtiUsersOfPlatform(
    db,
    platform.id,
    members.map((m) => m.user_id),
  );
  const listed = new Set<string>();
  for (const m of members) {
    const role = courseRoleOfLti(m.roles);
    if (!role) {
      report.skipped.push(`${m.name ?? m.user_id}: no course role Deltalab knows (${m.roles.join(', ') || 'none'})`);
      continue;
    }
    let userId = known.get(m.user_id);
    const email = m.email?.trim().toLowerCase();
    if (!userId && email) {
      const account = await selectOptionalUserByEmail(db, email);
      if (account) userId = await linkLtiUser(db, platform.id, m.user_id, account.id);
    }
    if (m.status !== 'Active') {
      if (userId && (await dropIfStudent(db, courseId, userId))) report.dropped++;
      continue;
    }
    listed.add(m.user_id);
    if (userId) {
      const outcome = await applyLmsRole(db, courseId, userId, role);
      if (outcome === 'enrolled') report.enrolled++;
      if (outcome === 'changed') report.changed++;
    } else if (email && !courseCan({ role, dropped: false, archived: false }, 'course.dashboard.view')) {
      if (
        (await upsertStudentInvitation(db, { courseId, email, name: m.name ?? null, tokenHash: newSecret().hash, invitedBy: null })) ===
        'invited'
      )
        report.pending++;
    } else
      report.skipped.push(
        `${m.name ?? m.user_id}: ${email ? 'staff without a Deltalab account (they join at their first launch)' : 'no email'}`,
      );
  }
  for (const member of await listCourseMembersOnPlatform(db, courseId, platform.id)) {
    if (!listed.has(member.sub) && !member.droppedAt && (await dropIfStudent(db, courseId, member.userId))) report.dropped++;
  }
  await markLtiRosterSynced(db, context.id);
  return report;
}

async function dropIfStudent(db: Database, courseId: string, userId: string): Promise<boolean> {
  const enrollment = await selectEnrollment(db, userId, courseId);
  if (!enrollment || enrollment.droppedAt) return false;
  // Only students are dropped (setEnrollmentDropped changes nothing else): staff are managed on the staff page.
  return !!(await setEnrollmentDropped(db, userId, courseId, true));
}
