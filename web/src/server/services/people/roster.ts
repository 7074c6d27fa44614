import { z } from 'zod';
import {
  listCourseInvitations,
  listCourseSections,
  listRoster,
  selectEnrollment,
  setEnrollmentDropped,
  setEnrollmentSection,
  studentBestScores,
  type Database,
} from '@deltalab/db';
import { isStaffRole } from '@/server/auth/permissions';
import { storableString } from '../../storableText';
import { courseColumns } from '../dashboards/courseColumns';
import { formRefusal } from '../forms/formRefusal';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { fieldRefusal, SubmissionError } from '../submissions/submissionError';
import { userIdInput } from './staff';

/** A section or label: "Lab B", "Tuesday 14:00", "Exchange students". Empty: none. */
export const sectionInput = storableString({ error: 'A section is a text (empty for none)' })
  .trim()
  .max(60, 'A section is at most 60 characters')
  .transform((text) => (text === '' ? null : text));

const rosterUpdate = z
  .object({
    dropped: z.boolean({ error: 'dropped: true (drop the student) or false (restore them)' }).optional(),
    section: sectionInput.nullable().optional(),
  })
  .strict()
  .refine((u) => u.dropped !== undefined || u.section !== undefined, 'Send dropped, section, or both.');

export interface RosterView {
  students: {
    userId: string;
    email: string;
    name: string;
    section: string | null;
    dropped: boolean;
    deactivated: boolean;
    enrolledAt: string;
    lastActivityAt: string | null;
    /** Points earned: the best graded score of each published exercise × its points, summed (as the gradebook counts). */
    total: number;
  }[];
  /** Students added by email who have no account yet: enrolled when they sign up (or sign in with OAuth). */
  invitations: { id: string; email: string; name: string | null; section: string | null; invitedAt: string }[];
  sections: string[];
  /** The most points a student can earn (the published exercises'). */
  maxTotal: number;
}

const points = (value: number) => Math.round(value * 100) / 100;

/** The course's students (dropped ones too), with their section, last activity and course total, and the pending ones. */
export async function getRoster(db: Database, course: CurrentCourse): Promise<RosterView> {
  const [students, scores, columns, invitations, sections] = await Promise.all([
    listRoster(db, course.id),
    studentBestScores(db, course.id),
    courseColumns(db, course.id),
    listCourseInvitations(db, course.id, ['student']),
    listCourseSections(db, course.id),
  ]);
  const pointsOf = new Map(columns.map((c) => [c.exerciseId, c.maxPoints]));
  const totals = new Map<string, number>();
  for (const s of scores) {
    const max = pointsOf.get(s.exerciseId);
    if (max !== undefined) totals.set(s.userId, (totals.get(s.userId) ?? 0) + s.bestScore * max);
  }
  return {
    students: students.map((s) => ({
      userId: s.userId,
      email: s.email,
      name: s.name,
      section: s.section,
      dropped: s.droppedAt !== null,
      deactivated: s.deactivated,
      enrolledAt: s.enrolledAt.toISOString(),
      lastActivityAt: s.lastActivityAt?.toISOString() ?? null,
      total: points(totals.get(s.userId) ?? 0),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      section: i.section,
      invitedAt: i.createdAt.toISOString(),
    })),
    sections,
    maxTotal: points(columns.reduce((sum, c) => sum + c.maxPoints, 0)),
  };
}

/**
 * Drops or restores a student (their submissions stay; a dropped student is left out of the dashboards and the
 * gradebook, and the course is closed to them), and/or sets their section.
 */
export async function updateRosterStudent(
  db: Database,
  course: CurrentCourse,
  userId: string,
  body: unknown,
): Promise<{ ok: true; dropped: boolean; section: string | null }> {
  const id = userIdInput.safeParse(userId);
  if (!id.success) throw new SubmissionError('invalid-request', `'${userId.slice(0, 64)}' is not a user id (expected a UUID).`);
  const parsed = rosterUpdate.safeParse(body);
  if (!parsed.success) throw fieldRefusal(formRefusal(parsed.error));
  const enrollment = await selectEnrollment(db, id.data, course.id);
  if (!enrollment || enrollment.testStudent) throw new SubmissionError('not-found', `No student ${id.data} in ${course.title}.`);
  if (isStaffRole(enrollment.role))
    throw new SubmissionError('conflict', `That person is on the staff of ${course.title}: the staff page manages them.`);
  const { dropped, section } = parsed.data;
  return db.transaction(async (tx) => {
    let row = enrollment;
    if (dropped !== undefined) row = (await setEnrollmentDropped(tx, id.data, course.id, dropped)) ?? row;
    if (section !== undefined) row = (await setEnrollmentSection(tx, id.data, course.id, section)) ?? row;
    return { ok: true as const, dropped: row.droppedAt !== null, section: row.section };
  });
}
