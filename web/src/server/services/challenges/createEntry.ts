import { z } from 'zod';
import { insertChallengeEntry, type Database, type Submission } from '@deltalab/db';
import { challengeData, checkModelUpload } from '@deltalab/exercises';
import { formatDateTime } from '@/lib/format';
import { courseCan, refusal } from '@/server/auth/permissions';
import { SubmissionError } from '../submissions/submissionError';
import { loadChallenge } from './challengeContext';

/** What the browser reports with a model: how it was trained. */
const provenanceSchema = z
  .object({
    code: z.string({ error: 'provenance.code: the training code, as text' }),
    /** A tfjs backend, or 'compiled': the harness's fused training step (exercises/src/challenge/compiledTraining.ts). */
    backend: z.enum(['cpu', 'wasm', 'webgl', 'webgpu', 'compiled'], {
      error: 'provenance.backend: one of cpu, wasm, webgl, webgpu, compiled',
    }),
    epochs: z.number().int().min(1),
    seed: z.number().int().min(0).max(0xffffffff),
    trainingMs: z
      .number()
      .min(0)
      .max(24 * 3600 * 1000),
    trainAccuracy: z.number().min(0).max(1),
    /** Loss may be NaN in the browser, which JSON sends as null. */
    curve: z.array(z.object({ epoch: z.number().int(), loss: z.number().nullable(), accuracy: z.number() }).strict()),
  })
  .strict();

const entryRequestSchema = z.object({ model: z.unknown(), provenance: provenanceSchema }).strict();

export interface CreateEntryInput {
  userId: string;
  body: unknown;
  now?: Date;
  enqueue(submissionId: string): Promise<void>;
}

/**
 * A student enters a trained model: the request and the model are validated (each refusal a specific message), the
 * deadline and the daily limit checked, then the entry is stored in one statement (nothing half) and queued: a
 * grading child scores it on the hidden test set.
 */
export async function createEntry(db: Database, slug: string, input: CreateEntryInput): Promise<Submission> {
  const now = input.now ?? new Date();
  const context = await loadChallenge(db, input.userId, slug, now);
  const { exercise, course, courseExercise } = context;
  if (!courseCan(context.standing, 'submission.create'))
    throw new SubmissionError('forbidden', refusal({ site: null, course: context.standing }, 'submission.create', course.title));
  if (typeof input.body !== 'object' || input.body === null || Array.isArray(input.body)) {
    throw new SubmissionError('invalid-request', 'The body must be a JSON object: { model, provenance }.');
  }
  const parsed = entryRequestSchema.safeParse(input.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new SubmissionError('invalid-request', `${where}${issue.message}`.replace(/^(provenance\.\w+): \1: /, '$1: '));
  }
  const { model, provenance } = parsed.data;
  if (provenance.epochs > exercise.maxEpochs) {
    throw new SubmissionError(
      'invalid-request',
      `provenance.epochs: ${provenance.epochs} epochs; this challenge records at most ${exercise.maxEpochs}.`,
    );
  }
  if (Buffer.byteLength(provenance.code, 'utf8') > exercise.limits.sourceKb * 1024) {
    throw new SubmissionError('code-too-large', `provenance.code: the code is larger than ${exercise.limits.sourceKb} kB.`);
  }
  if (provenance.curve.length > exercise.maxEpochs)
    throw new SubmissionError('invalid-request', `provenance.curve: more points than epochs (${exercise.maxEpochs} at most).`);
  const check = checkModelUpload(model, { model: exercise.model, classes: challengeData(exercise).train.classes });
  if (!check.ok) throw new SubmissionError('invalid-model', check.message);

  if (context.revealed && !courseCan(context.standing, 'exercise.preview')) {
    throw new SubmissionError(
      'challenge-closed',
      `'${exercise.slug}' closed ${formatDateTime(context.deadline!, course.timeZone)}: the private scores are revealed.`,
    );
  }
  if (!courseExercise.currentVersionId)
    throw new SubmissionError('unknown-exercise', `Challenge '${exercise.slug}' has no registered version yet.`);
  const outcome = await insertChallengeEntry(db, {
    userId: input.userId,
    courseId: course.id,
    exerciseId: courseExercise.exerciseId,
    exerciseVersionId: courseExercise.currentVersionId,
    model,
    provenance: { ...provenance, curve: provenance.curve.map((p) => ({ ...p, loss: p.loss ?? Number.NaN })) },
    params: check.model.params,
    uploadBytes: check.model.bytes,
    since: context.dayStart,
    perDay: context.entriesPerDay,
  });
  if (!outcome.ok) {
    const retryAfterSeconds = Math.max(1, Math.ceil((context.nextDayStart.getTime() - now.getTime()) / 1000));
    throw new SubmissionError(
      'daily-limit',
      `You have used all ${context.entriesPerDay} entries for today; the next one can be made from ${formatDateTime(context.nextDayStart, course.timeZone)}.`,
      retryAfterSeconds,
    );
  }
  try {
    await input.enqueue(outcome.submission.id);
  } catch (error) {
    // Stored and still queued: the workers pick unfinished submissions up again when they start.
    console.error(`enqueueing challenge entry ${outcome.submission.id} failed`, error);
  }
  return outcome.submission;
}
