import { z } from 'zod';
import { setChallengeName, upsertChallengeSettings, type Database } from '@deltalab/db';
import { courseCan, refusal } from '@/server/auth/permissions';
import { SubmissionError } from '../submissions/submissionError';
import { loadChallenge } from './challengeContext';

const nameSchema = z
  .string({ error: 'name: a text of 2 to 32 characters' })
  .trim()
  .min(2, 'name: at least 2 characters')
  .max(32, 'name: at most 32 characters')
  .regex(/^[\p{L}\p{N} ._-]+$/u, 'name: letters, digits, spaces, dots, dashes and underscores only');

/** PUT /api/challenges/:slug/name's answer: the name the boards now show. */
export type BoardName = { name: string };

/** PUT /api/challenges/:slug/settings's answer: the deadline (ISO) and daily limit now, and whether the board is revealed. */
export type ChallengeSettings = { deadline: string | null; entriesPerDay: number | null; revealed: boolean };

/** A student chooses the name the board shows for them in this course (unique in the course). */
export async function setBoardName(db: Database, userId: string, slug: string, body: unknown): Promise<string> {
  // Who asks first: someone the course is closed to is told so, not how names are written.
  const context = await loadChallenge(db, userId, slug);
  const parsed = z.object({ name: nameSchema }).strict().safeParse(body);
  if (!parsed.success) throw new SubmissionError('invalid-request', parsed.error.issues[0]!.message);
  if (!(await setChallengeName(db, context.course.id, userId, parsed.data.name))) {
    throw new SubmissionError('invalid-request', `name: '${parsed.data.name}' is taken in ${context.course.title}; choose another.`);
  }
  return parsed.data.name;
}

const settingsSchema = z
  .object({
    /** ISO 8601 with a zone (or null: the exercise's due date). */
    deadline: z.union(
      [z.iso.datetime({ offset: true, error: 'deadline: an ISO date-time with its zone, e.g. 2026-05-01T23:59:00Z' }), z.null()],
      {
        error: 'deadline: an ISO date-time with its zone (e.g. 2026-05-01T23:59:00Z), or null for the exercise’s due date',
      },
    ),
    entriesPerDay: z.union([z.number().int().min(1, 'entriesPerDay: at least 1').max(1000, 'entriesPerDay: at most 1000'), z.null()], {
      error: 'entriesPerDay: a whole number from 1 to 1000, or null for the challenge’s own limit',
    }),
  })
  .strict();

/** Someone who may change the course's settings sets a challenge's deadline (moving it into the past reveals the private board) and daily limit. */
export async function updateChallengeSettings(db: Database, userId: string, slug: string, body: unknown) {
  // Who asks first: a student gets 403 whatever the body, never a lesson in the settings' format.
  const context = await loadChallenge(db, userId, slug);
  if (!courseCan(context.standing, 'course.settings.edit'))
    throw new SubmissionError('forbidden', refusal({ site: null, course: context.standing }, 'course.settings.edit', context.course.title));
  const parsed = settingsSchema.safeParse(body);
  if (!parsed.success) throw new SubmissionError('invalid-request', parsed.error.issues[0]!.message);
  await upsertChallengeSettings(db, {
    courseId: context.course.id,
    exerciseId: context.courseExercise.exerciseId,
    deadline: parsed.data.deadline === null ? null : new Date(parsed.data.deadline),
    entriesPerDay: parsed.data.entriesPerDay,
  });
  return loadChallenge(db, userId, slug);
}
