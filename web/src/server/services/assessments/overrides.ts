import { z } from 'zod';
import {
  listCourseSections,
  listOverrides,
  listRoster,
  upsertSectionOverride,
  upsertStudentOverrides,
  type Database,
  type OverrideRow,
} from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { requireAssessment } from './startAssessment';

const isoDate = z.iso.datetime({ offset: true, error: 'dueAt: an ISO date-time with its zone, e.g. 2026-05-01T23:59:00Z' });

/** PUT /api/instructor/assessments/:slug/overrides body: one student, a list, or a section; what changes and why. */
const overrideRequest = z
  .object({
    students: z
      .array(z.string({ error: 'students: a list of emails' }).trim().toLowerCase().max(320, 'an email is at most 320 characters'), {
        error: 'students: a list of emails, e.g. ["ada@example.edu"]',
      })
      .min(1, 'students: name at least one student')
      .max(2000, 'students: at most 2000 at once')
      .optional(),
    section: z.string({ error: 'section: the section’s name' }).trim().min(1, 'section: the section’s name').max(100).optional(),
    dueAt: isoDate.nullable().optional(),
    extraMinutes: z
      .number({ error: 'extraMinutes: whole minutes' })
      .int('extraMinutes: whole minutes')
      .min(1)
      .max(10_000)
      .nullable()
      .optional(),
    timeFactor: z
      .number({ error: 'timeFactor: a factor such as 1.5' })
      .min(1, 'timeFactor: at least 1')
      .max(10, 'timeFactor: at most 10')
      .nullable()
      .optional(),
    reason: z
      .string({ error: 'reason: say why (e.g. "accommodation letter")' })
      .trim()
      .min(1, 'reason: say why (e.g. "accommodation letter")')
      .max(500),
  })
  .strict()
  .refine((o) => (o.students === undefined) !== (o.section === undefined), {
    message: 'Name either students (emails) or a section, not both.',
  })
  .refine((o) => o.dueAt != null || o.extraMinutes != null || o.timeFactor != null, {
    message: 'Give a later due date (dueAt), extra minutes (extraMinutes) or a time factor (timeFactor).',
  });

export interface OverrideView {
  id: string;
  student: string | null;
  section: string | null;
  dueAt: string | null;
  extraMinutes: number | null;
  timeFactor: number | null;
  reason: string;
}

export const overrideView = (o: OverrideRow): OverrideView => ({
  id: o.id,
  student: o.email,
  section: o.section,
  dueAt: o.dueAt?.toISOString() ?? null,
  extraMinutes: o.extraMinutes,
  timeFactor: o.timeFactor,
  reason: o.reason,
});

/**
 * Staff give one student, a list of students, or a section a later due date or more time (minutes or a factor), with the
 * reason. Someone outside the course, or a section nobody is in, refuses the whole request (nothing changes).
 */
export async function setOverrides(
  db: Database,
  course: CurrentCourse,
  actorId: string,
  slug: string,
  body: unknown,
): Promise<OverrideView[]> {
  const assessment = await requireAssessment(db, course, slug);
  const parsed = overrideRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SubmissionError(
      'invalid-request',
      issue.path.length ? `${issue.path.join('.')}: ${issue.message.replace(/^\w+: /, '')}` : issue.message,
    );
  }
  const request = parsed.data;
  if (request.dueAt && assessment.dueAt && new Date(request.dueAt).getTime() < assessment.dueAt.getTime())
    throw new SubmissionError('invalid-request', 'dueAt: an override gives a later due date than the assessment’s, not an earlier one.');
  const input = {
    assessmentId: assessment.id,
    dueAt: request.dueAt ? new Date(request.dueAt) : null,
    extraMinutes: request.extraMinutes ?? null,
    timeFactor: request.timeFactor ?? null,
    reason: request.reason,
    createdBy: actorId,
  };
  if (request.section !== undefined) {
    const sections = await listCourseSections(db, course.id);
    if (!sections.includes(request.section))
      throw new SubmissionError(
        'invalid-request',
        `No student of ${course.title} is in section '${request.section}'${sections.length ? ` (sections: ${sections.join(', ')})` : ''}.`,
      );
    await upsertSectionOverride(db, input, request.section);
  } else {
    const roster = await listRoster(db, course.id);
    const byEmail = new Map(roster.filter((s) => s.droppedAt === null).map((s) => [s.email.toLowerCase(), s.userId]));
    const unknown = [...new Set(request.students!)].filter((email) => !byEmail.has(email));
    if (unknown.length > 0)
      throw new SubmissionError(
        'invalid-request',
        `Not a student of ${course.title}: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. Nothing was changed.`,
      );
    await upsertStudentOverrides(db, input, [...new Set(request.students!.map((e) => byEmail.get(e)!))]);
  }
  return (await listOverrides(db, course.id, assessment.id)).map(overrideView);
}
