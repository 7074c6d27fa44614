import { z } from 'zod';
import {
  insertRegrade,
  listCourseMembers,
  listExerciseVersions,
  selectCourseExerciseBySlug,
  type Database,
  type DbHandle,
  type RegradeScope,
} from '@deltalab/db';
import { enqueueJobs } from '@/server/grading/startGrading';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

/**
 * POST /api/instructor/regrade body. `scope`: "exercise" (every graded submission of it in the course),
 * { version: n } (those graded on its version n), { student: email or user id } (one student's).
 */
export const regradeRequest = z
  .object({
    exercise: z
      .string({ error: 'exercise: give the slug of the exercise to regrade' })
      .min(1, 'exercise: give the slug of the exercise to regrade'),
    scope: z
      .union(
        [
          z.literal('exercise'),
          z.object({ version: z.number({ error: 'scope.version: a version number (1, 2, …)' }).int().positive() }).strict(),
          z.object({ student: z.string().min(1, 'scope.student: an email or user id') }).strict(),
        ],
        { error: 'scope must be "exercise", { "version": n } or { "student": "<email or user id>" }' },
      )
      .default('exercise'),
    /** Seconds to wait for the regrade's grades before answering (the preview then shows them all). */
    wait: z.number().min(0).max(60).optional(),
  })
  .strict();

type RegradeRequest = z.infer<typeof regradeRequest>;

/**
 * Starts a regrade of an exercise against its current version: one item per graded submission in scope, each queued
 * on the normal grading queue (the grading children, the crash policy, the retries). Nothing a student sees changes
 * until the regrade is applied.
 */
export async function createRegrade(
  handle: DbHandle,
  course: CurrentCourse,
  requestedBy: string,
  body: unknown,
): Promise<{ regradeId: string; items: number }> {
  const parsed = regradeRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SubmissionError(
      'invalid-request',
      `${issue && issue.path.length > 0 && !issue.message.startsWith(String(issue.path[0])) ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid request'}`,
    );
  }
  const db = handle.db;
  const row = await selectCourseExerciseBySlug(db, course.id, parsed.data.exercise);
  if (!row) throw new SubmissionError('unknown-exercise', `Unknown exercise '${parsed.data.exercise}' in ${course.title}.`);
  if (!row.currentVersionId) throw new SubmissionError('unknown-exercise', `'${row.slug}' has no version to grade against.`);
  const scope = await resolveScope(db, course, row.exerciseId, parsed.data.scope);
  const { regrade, itemIds } = await insertRegrade(db, {
    courseId: course.id,
    exerciseId: row.exerciseId,
    versionId: row.currentVersionId,
    scope,
    requestedBy,
  });
  await enqueueJobs(handle, itemIds);
  return { regradeId: regrade.id, items: itemIds.length };
}

async function resolveScope(
  db: Database,
  course: CurrentCourse,
  exerciseId: string,
  scope: RegradeRequest['scope'],
): Promise<RegradeScope> {
  if (scope === 'exercise') return { kind: 'exercise' };
  if ('version' in scope) {
    const version = (await listExerciseVersions(db, course.id, exerciseId)).find((v) => v.number === scope.version);
    if (!version) throw new SubmissionError('not-found', `scope.version: the exercise has no version ${scope.version}.`);
    return { kind: 'version', versionId: version.id };
  }
  const wanted = scope.student.trim().toLowerCase();
  const student = (await listCourseMembers(db, course.id, 'student')).find((m) => m.userId === wanted || m.email === wanted);
  if (!student) throw new SubmissionError('not-found', `scope.student: no student '${scope.student}' in ${course.title}.`);
  return { kind: 'student', userId: student.userId };
}
