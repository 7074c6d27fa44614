import { z } from 'zod';
import { listAllCourses, selectOptionalCourseBySlug, setCourseArchived, type CourseListRow, type Database } from '@deltalab/db';
import { isCourseSlug } from '@/server/auth/courseAccess';
import { formRefusal } from '../forms/formRefusal';
import { fieldRefusal, SubmissionError } from '../submissions/submissionError';

export interface AdminCourseView extends Omit<CourseListRow, 'archivedAt' | 'createdAt'> {
  archived: boolean;
  createdAt: string;
}

/** Every course of the site with its instructors and sizes, newest first. */
export async function listCourses(db: Database): Promise<AdminCourseView[]> {
  return (await listAllCourses(db)).map(({ archivedAt, createdAt, ...rest }) => ({
    ...rest,
    archived: archivedAt !== null,
    createdAt: createdAt.toISOString(),
  }));
}

const archiveInput = z.object({ archived: z.boolean({ error: 'archived: true (archive) or false (unarchive)' }) }).strict();

/**
 * An administrator archives a course (it becomes read-only: its members still see it, nothing in it changes, it takes
 * no new members or work) or unarchives it.
 */
export async function archiveCourse(db: Database, slug: string, body: unknown): Promise<{ ok: true; archived: boolean }> {
  const parsed = archiveInput.safeParse(body);
  if (!parsed.success) throw fieldRefusal(formRefusal(parsed.error));
  const course = isCourseSlug(slug) ? await selectOptionalCourseBySlug(db, slug) : undefined;
  if (!course) throw new SubmissionError('not-found', `No course '${slug.slice(0, 64)}'.`);
  const updated = await setCourseArchived(db, course.id, parsed.data.archived);
  return { ok: true, archived: updated?.archivedAt != null };
}
