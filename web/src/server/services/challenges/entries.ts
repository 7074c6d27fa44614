import { z } from 'zod';
import {
  insertVerifyJob,
  listChallengeEntries,
  selectChallengeEntry,
  selectSubmission,
  setChallengeEntryFinal,
  type ChallengeEntryView,
  type Database,
} from '@deltalab/db';
import { storedGradeResult } from '@/server/grading/storedResult';
import { courseCan, refusal } from '@/server/auth/permissions';
import { SubmissionError } from '../submissions/submissionError';
import { loadChallenge, type ChallengeContext } from './challengeContext';

/** What a student (or an instructor) sees of an entry. The private score only after the reveal, or for instructors. */
export function entryView(entry: ChallengeEntryView, context: Pick<ChallengeContext, 'revealed' | 'seesAll'>) {
  const message =
    entry.failureMessage ??
    storedGradeResult(entry.result)?.error?.message ??
    (entry.status === 'graded' ? null : entry.status === 'running' ? 'Being scored on the hidden test set.' : 'Waiting to be scored.');
  return {
    id: entry.submissionId,
    status: entry.status,
    publicScore: entry.publicScore,
    trainScore: entry.trainScore,
    /** What the browser reported: backends differ, so the server's own training-set accuracy is shown next to it. */
    browserTrainScore: entry.browserTrainScore,
    ...(context.revealed || context.seesAll ? { privateScore: entry.privateScore } : {}),
    params: entry.params,
    backend: entry.backend,
    epochs: entry.epochs,
    seed: entry.seed,
    trainingMs: entry.trainingMs,
    final: entry.final,
    verify: entry.verifyStatus ? { status: entry.verifyStatus, score: entry.verifyScore, message: entry.verifyMessage } : null,
    message,
    createdAt: entry.createdAt.toISOString(),
  };
}

export type EntryView = ReturnType<typeof entryView>;
/** GET /api/challenges/:slug/entries: the student's entries, newest first. */
export type EntryList = { entries: EntryView[] };
/** POST /api/challenges/:slug/entries/:id/verify's answer (202). */
export type VerifyRequested = Awaited<ReturnType<typeof requestVerify>>;
/** POST /api/challenges/:slug/entries's answer (202): the stored entry, scored next by a grading child. */
export type EntryAccepted = Pick<EntryView, 'id' | 'status'>;

const entryId = z.uuid({ error: 'An entry id is a UUID' });

/** An entry of this challenge, for its owner or the course's staff (course.submissions.view). */
export async function getEntry(db: Database, userId: string, slug: string, id: string) {
  const context = await loadChallenge(db, userId, slug);
  const parsed = entryId.safeParse(id);
  if (!parsed.success) throw new SubmissionError('invalid-request', `'${id}' is not an entry id (expected a UUID).`);
  const entry = await selectChallengeEntry(db, parsed.data);
  if (!entry || entry.exerciseId !== context.courseExercise.exerciseId || entry.courseId !== context.course.id)
    throw new SubmissionError('not-found', `No entry ${id} in this challenge.`);
  if (entry.userId !== userId && !context.seesAll) throw new SubmissionError('forbidden', 'This entry belongs to another student.');
  return { context, entry };
}

export async function listMyEntries(db: Database, userId: string, slug: string) {
  const context = await loadChallenge(db, userId, slug);
  const entries = await listChallengeEntries(db, userId, context.course.id, context.courseExercise.exerciseId);
  return entries.map((e) => entryView(e, context));
}

/** Marks an entry final (or not): at most the challenge's maxFinal, before the deadline. */
export async function setEntryFinal(db: Database, userId: string, slug: string, id: string, body: unknown) {
  const parsed = z
    .object({ final: z.boolean({ error: 'final: true or false' }) })
    .strict()
    .safeParse(body);
  if (!parsed.success) throw new SubmissionError('invalid-request', parsed.error.issues[0]!.message);
  const { context, entry } = await getEntry(db, userId, slug, id);
  if (entry.userId !== userId) throw new SubmissionError('forbidden', 'Only its author marks an entry final.');
  if (context.revealed) throw new SubmissionError('challenge-closed', 'The deadline has passed: final picks can no longer change.');
  const done = await setChallengeEntryFinal(db, {
    userId,
    submissionId: entry.submissionId,
    final: parsed.data.final,
    maxFinal: context.exercise.maxFinal,
  });
  if (!done)
    throw new SubmissionError('too-many-finals', `You can mark at most ${context.exercise.maxFinal} entries final: unmark one first.`);
  return entryView({ ...entry, final: parsed.data.final }, context);
}

/** Queues a Verify job for an entry: re-train its code in the sandbox with its recorded seed, epochs and engine. */
export async function queueVerify(db: Database, entry: ChallengeEntryView, enqueue: (id: string) => Promise<void>): Promise<boolean> {
  const submission = await selectSubmission(db, entry.submissionId);
  const payload = submission.payload as { provenance?: { code: string } };
  if (!payload.provenance) return false;
  const job = await insertVerifyJob(db, entry.submissionId, {
    code: payload.provenance.code,
    seed: entry.seed,
    epochs: entry.epochs,
    engine: entry.backend === 'compiled' ? 'compiled' : 'tfjs',
  });
  if (!job) return false;
  await enqueue(job.id).catch((error: unknown) => console.error(`enqueueing verify ${job.id} failed`, error));
  return true;
}

/** Someone holding challenge.verify asks for an entry to be verified now. */
export async function requestVerify(db: Database, userId: string, slug: string, id: string, enqueue: (id: string) => Promise<void>) {
  const { context, entry } = await getEntry(db, userId, slug, id);
  if (!courseCan(context.standing, 'challenge.verify'))
    throw new SubmissionError('forbidden', refusal({ site: null, course: context.standing }, 'challenge.verify', context.course.title));
  if (entry.status !== 'graded' || entry.publicScore === null)
    throw new SubmissionError('invalid-request', 'This entry has no score yet: nothing to verify against.');
  const queued = await queueVerify(db, entry, enqueue);
  return {
    queued,
    message: queued ? 'Verify is queued: the code is re-trained in the sandbox.' : 'Verify is already queued for this entry.',
  };
}
