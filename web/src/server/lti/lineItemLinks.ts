import 'server-only';
import { z } from 'zod';
import {
  listLtiContextsOfCourse,
  listLtiLineItemsOfContext,
  selectOptionalLtiContext,
  selectOptionalLtiPlatform,
  type Database,
  type LtiContext,
} from '@deltalab/db';
import { createPlatformLineItem, listPlatformLineItems, scopes, ServiceError, type PlatformLineItem } from './ags';
import { queueContextScores } from './gradePassback';
import { courseGradedResources, recordColumnLink, resourceIdOf, resourceOfId, type GradedResource } from './gradedResources';
import { LtiStepRefusal } from './linking';

/**
 * Gradebook columns (AGS line items) Deltalab does not know yet (PrairieLearn #11130): the LMS course has columns that
 * stand for nothing here (made by hand in the LMS, or by another tool's deep linking), and assessments here have no
 * column there. An instructor links each unknown column to an assessment or exercise, or has Deltalab create the
 * column (AGS POST lineitems); either way the scores earned so far are queued for it at once.
 */
export interface ColumnChoices {
  contextId: string;
  title: string;
  /** The LMS's columns that stand for nothing in Deltalab. */
  unknown: { url: string; label: string; scoreMaximum: number | null }[];
  /** Published assessments with points and no column in this LMS course. */
  withoutColumn: GradedResource[];
  /** The LMS granted the scope to create columns. */
  canCreate: boolean;
  /** Why the LMS's columns could not be read (then nothing is listed). */
  problem?: string;
}

const resourceRef = z
  .string({ error: 'resource: assessment:<id> or exercise:<id>' })
  .regex(/^(assessment|exercise):[0-9a-f-]{36}$/, 'resource: assessment:<id> or exercise:<id>');

/** POST /api/instructor/lti/line-items: link an LMS column to a resource, or create the column of a resource. */
export const columnRequest = z.discriminatedUnion(
  'action',
  [
    z
      .object({
        action: z.literal('link'),
        contextId: z.uuid('contextId: an LMS course id'),
        lineItem: z.url('lineItem: the column’s URL'),
        resource: resourceRef,
      })
      .strict(),
    z.object({ action: z.literal('create'), contextId: z.uuid('contextId: an LMS course id'), resource: resourceRef }).strict(),
  ],
  { error: 'action: link or create' },
);
export type ColumnRequest = z.infer<typeof columnRequest>;

/** The columns to link, per LMS course linked to this course (each asks the LMS for its columns). */
export async function columnChoices(db: Database, courseId: string): Promise<{ contexts: ColumnChoices[]; resources: GradedResource[] }> {
  const resources = await courseGradedResources(db, courseId);
  const contexts: ColumnChoices[] = [];
  for (const context of await listLtiContextsOfCourse(db, courseId)) {
    if (!context.lineItemsUrl) continue;
    const linked = await listLtiLineItemsOfContext(db, context.id);
    const choice: ColumnChoices = {
      contextId: context.id,
      title: context.title,
      unknown: [],
      withoutColumn: [],
      canCreate: context.agsScopes.includes(scopes.lineItem),
    };
    let items: PlatformLineItem[] = [];
    try {
      items = await listPlatformLineItems(db, (await selectOptionalLtiPlatform(db, context.platformId))!, context.lineItemsUrl);
    } catch (error) {
      choice.problem = error instanceof ServiceError ? error.message : 'The LMS’s columns could not be read.';
    }
    choice.unknown = items
      .filter((item) => !linked.some((l) => l.url === item.id) && !resourceOfId(resources, item.resourceId))
      .map((item) => ({ url: item.id, label: item.label ?? item.id, scoreMaximum: item.scoreMaximum ?? null }));
    choice.withoutColumn = resources.filter(
      (r) =>
        r.kind === 'assessment' &&
        r.maxPoints > 0 &&
        !linked.some((l) => l.resourceKind === r.kind && l.resourceId === r.id) &&
        !items.some((item) => item.resourceId === resourceIdOf(r.kind, r.id)),
    );
    contexts.push(choice);
  }
  return { contexts, resources };
}

async function requireContext(db: Database, courseId: string, contextId: string): Promise<LtiContext> {
  const context = await selectOptionalLtiContext(db, contextId);
  if (!context || context.courseId !== courseId)
    throw new LtiStepRefusal('context', 'No LMS course with that id is linked to this course.', 404);
  if (!context.lineItemsUrl)
    throw new LtiStepRefusal(
      'ags',
      `${context.title} offered no gradebook service at its last launch: launch Deltalab from it again.`,
      409,
    );
  return context;
}

/**
 * Links an LMS column to an assessment or exercise of the course (or creates the column), then queues the scores
 * earned so far. Returns the column's label, what it stands for, and how many scores were queued.
 */
export async function linkColumn(
  db: Database,
  courseId: string,
  request: ColumnRequest,
): Promise<{ label: string; resource: string; queued: number }> {
  const context = await requireContext(db, courseId, request.contextId);
  const resource = resourceOfId(await courseGradedResources(db, courseId), request.resource);
  if (!resource) throw new LtiStepRefusal('resource', `${request.resource} is not an assessment or exercise of this course.`, 400);
  const platform = (await selectOptionalLtiPlatform(db, context.platformId))!;
  const linked = await listLtiLineItemsOfContext(db, context.id);
  const ofResource = linked.find((l) => l.resourceKind === resource.kind && l.resourceId === resource.id);
  let item: PlatformLineItem;
  try {
    if (request.action === 'link') {
      const found = (await listPlatformLineItems(db, platform, context.lineItemsUrl!)).find((i) => i.id === request.lineItem);
      if (!found) throw new LtiStepRefusal('line-item', `${context.title} has no column ${request.lineItem}.`, 404);
      const other = linked.find((l) => l.url === found.id && !(l.resourceKind === resource.kind && l.resourceId === resource.id));
      if (other)
        throw new LtiStepRefusal(
          'line-item',
          `The column “${found.label ?? found.id}” is linked to another ${other.resourceKind} already.`,
          409,
        );
      item = found;
    } else {
      if (!context.agsScopes.includes(scopes.lineItem))
        throw new LtiStepRefusal(
          'scope',
          `${context.title} lets Deltalab read its columns but not create them (the AGS lineitem scope).`,
          409,
        );
      if (ofResource) throw new LtiStepRefusal('line-item', `${resource.title} has a column in ${context.title} already.`, 409);
      if (resource.maxPoints <= 0) throw new LtiStepRefusal('resource', `${resource.title} has no points yet: give it some first.`, 400);
      item = await createPlatformLineItem(db, platform, context.lineItemsUrl!, {
        label: resource.title,
        scoreMaximum: resource.maxPoints,
        resourceId: resourceIdOf(resource.kind, resource.id),
        tag: 'deltalab',
      });
    }
  } catch (error) {
    if (error instanceof ServiceError) throw new LtiStepRefusal('platform', error.message, 502);
    throw error;
  }
  await recordColumnLink(db, { contextId: context.id, courseId, resource, item });
  return { label: item.label ?? resource.title, resource: resource.title, queued: await queueContextScores(db, context.id) };
}
