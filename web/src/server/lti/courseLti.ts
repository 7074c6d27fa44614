import 'server-only';
import {
  listLtiContextsOfCourse,
  listLtiLineItemsOfContext,
  listLtiScoresOfCourse,
  selectOptionalLtiPlatform,
  type Database,
  type LtiScoreRow,
} from '@deltalab/db';
import { listPlatformLineItems, ServiceError } from './ags';
import { courseGradedResources, recordColumnLink, resourceOfId } from './gradedResources';
import { queueContextScores } from './gradePassback';
import { syncRoster, type RosterSyncReport } from './nrps';

export interface CourseLtiStatus {
  contexts: { id: string; title: string; platform: string; lineItems: number; rosterSyncedAt: Date | null; roster: boolean }[];
  scores: LtiScoreRow[];
}

/** What the course sends to its LMS courses: the linked contexts, and every score with its state (sent, queued, failed and why). */
export async function courseLtiStatus(db: Database, courseId: string): Promise<CourseLtiStatus> {
  const contexts = await listLtiContextsOfCourse(db, courseId);
  return {
    contexts: await Promise.all(
      contexts.map(async (c) => ({
        id: c.id,
        title: c.title,
        platform: c.platformName,
        lineItems: (await listLtiLineItemsOfContext(db, c.id)).length,
        rosterSyncedAt: c.rosterSyncedAt,
        roster: !!c.membershipsUrl,
      })),
    ),
    scores: await listLtiScoresOfCourse(db, courseId),
  };
}

/**
 * "Send grades now": for each linked LMS course, learns the line items the LMS has for this course's assessments and
 * exercises (those deep linking made, by resourceId `assessment:<id>` or `exercise:<id>`), then queues every score that
 * changed, and the failed ones again. Returns how many posts were queued and what could not be asked.
 */
export async function sendGradesNow(db: Database, courseId: string): Promise<{ queued: number; problems: string[] }> {
  let queued = 0;
  const problems: string[] = [];
  const resources = await courseGradedResources(db, courseId);
  for (const context of await listLtiContextsOfCourse(db, courseId)) {
    if (context.lineItemsUrl) {
      try {
        const platform = (await selectOptionalLtiPlatform(db, context.platformId))!;
        for (const item of await listPlatformLineItems(db, platform, context.lineItemsUrl)) {
          const resource = resourceOfId(resources, item.resourceId);
          if (resource) await recordColumnLink(db, { contextId: context.id, courseId, resource, item });
        }
      } catch (error) {
        problems.push(`${context.title}: ${error instanceof ServiceError ? error.message : 'the line items could not be read'}`);
      }
    }
    queued += await queueContextScores(db, context.id, { retryFailed: true });
  }
  return { queued, problems };
}

/** "Sync roster now": every linked LMS course with a roster service. */
export async function syncCourseRoster(
  db: Database,
  courseId: string,
): Promise<{ title: string; report?: RosterSyncReport; problem?: string }[]> {
  const out: { title: string; report?: RosterSyncReport; problem?: string }[] = [];
  for (const context of await listLtiContextsOfCourse(db, courseId)) {
    if (!context.membershipsUrl) continue;
    try {
      out.push({ title: context.title, report: await syncRoster(db, context.id) });
    } catch (error) {
      out.push({ title: context.title, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}
