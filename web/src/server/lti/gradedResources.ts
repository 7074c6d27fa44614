import 'server-only';
import { upsertLtiLineItem, type Database } from '@deltalab/db';
import type { PlatformLineItem } from './ags';
import { assessmentGrades } from '../services/assessments/assessmentGrades';
import { courseColumns } from '../services/dashboards/courseColumns';

/** A course resource an LMS gradebook column can stand for: an exercise, or an assessment (one score per assessment). */
export interface GradedResource {
  kind: 'exercise' | 'assessment';
  id: string;
  slug: string;
  title: string;
  /** The course's points for it (an assessment's: the gradebook's, its slots' points summed). */
  maxPoints: number;
  published: boolean;
}

/** The line item's resourceId for a course resource (what grade passback matches line items by). */
export const resourceIdOf = (kind: GradedResource['kind'], id: string) => `${kind}:${id}`;

/**
 * A course's exercises (unpublished ones too: a link made before keeps working) and its published assessments, with
 * their points as the gradebook counts them; `only` one kind (a launch naming one reads no more than it needs).
 */
export async function courseGradedResources(db: Database, courseId: string, only?: GradedResource['kind']): Promise<GradedResource[]> {
  const [exercises, grades] = await Promise.all([
    only === 'assessment' ? [] : courseColumns(db, courseId, { includeUnpublished: true }),
    only === 'exercise' ? null : assessmentGrades(db, courseId, { userIds: [] }),
  ]);
  return [
    ...(grades?.columns ?? []).map((a) => ({
      kind: 'assessment' as const,
      id: a.id,
      slug: a.slug,
      title: a.title,
      maxPoints: a.maxPoints,
      published: true,
    })),
    ...exercises.map((e) => ({
      kind: 'exercise' as const,
      id: e.exerciseId,
      slug: e.slug,
      title: e.title,
      maxPoints: e.maxPoints,
      published: e.published,
    })),
  ];
}

/** The resource a line item's resourceId names (`exercise:<id>` or `assessment:<id>`), among a course's. */
export function resourceOfId(resources: GradedResource[], resourceId: string | undefined): GradedResource | undefined {
  return resourceId ? resources.find((r) => resourceIdOf(r.kind, r.id) === resourceId) : undefined;
}

/**
 * Records that an LMS course's column stands for a course resource (linked by an instructor, created by us, or found
 * by its resourceId). A column without a usable maximum (AGS requires one above 0) is scaled to the resource's points.
 */
export async function recordColumnLink(
  db: Database,
  link: { contextId: string; courseId: string; resource: GradedResource; item: PlatformLineItem },
): Promise<void> {
  const { resource, item } = link;
  await upsertLtiLineItem(db, {
    contextId: link.contextId,
    courseId: link.courseId,
    resourceKind: resource.kind,
    resourceId: resource.id,
    url: item.id,
    scoreMaximum: item.scoreMaximum && item.scoreMaximum > 0 ? item.scoreMaximum : resource.maxPoints,
    label: item.label ?? resource.title,
  });
}
