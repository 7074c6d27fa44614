import {
  insertSubmission,
  type GradingClaim,
  selectSubmissionContext,
  submissionVisibility,
  type Database,
  type QueueWithStore,
  type Submission,
  type SubmissionVisibility,
} from '@deltalab/db';
import { variantSeed } from '@deltalab/exercises';
import { resolveExercise } from '@/server/exercises/resolveExercise';
import { formatDateTime } from '@/lib/format';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { currentCourseOfRow } from '../courses/getCurrentCourse';
import { stage } from '@/server/breakdown';
import { assessmentSubmissionRules } from '../assessments/assessmentSubmission';
import { SubmissionError } from './submissionError';
import { defaultSubmissionRules, type SubmissionRules } from './submissionRules';
import { submissionRequest, validatePayload } from './validatePayload';

export interface CreateSubmissionInput {
  /** The id to store it under (POST ?wait watches it before storing); a new UUID if left out. */
  id?: string;
  userId: string;
  body: unknown;
  now?: Date;
  rules?: SubmissionRules;
  /**
   * The grading queue (the grading runtime's, a GradingQueue): `sameStatement` queues the submission in the very
   * statement that stores it, so nothing is ever stored without its job; `queued` hears of it once stored (the queue
   * wakes this process's workers). Tests without a queue pass `sameStatement: null`.
   */
  queue: SubmissionIntake;
}

/** Where a submission goes once checked (the grading runtime's, startGrading.ts): its queue, and this process's workers. */
export type SubmissionIntake = {
  sameStatement: QueueWithStore | null;
  queued(submissionId: string): void;
  /** Where this process grades: has a grading child solve a catalogue exercise's variant ahead of its grade. */
  prepare?(variant: { exercise: string; variant: number }): void;
  /**
   * A grading worker of this process free to grade the submission now (GradingWorkers.reserve), else null: the
   * statement that stores it then takes its job too, and the claim goes straight to the worker.
   */
  reserve?(): TakenJobSlot | null;
};
type TakenJobSlot = {
  /** The queue's part of the store statement: the job inserted taken, the submission stored claimed. */
  sameStatement: QueueWithStore;
  take(claim: GradingClaim): void;
  /** Nothing was stored. */
  cancel(): void;
};

/**
 * A student submits: validate, check enrollment / due date (the course's late policy) / rate limit / attempts, then
 * store the submission and its grading job in one statement (queued; or taken, when a grading worker of this process
 * is free). Every refusal is a SubmissionError with a specific message.
 */
export async function createSubmission(db: Database, input: CreateSubmissionInput): Promise<Submission> {
  return (await createSubmissionWithVisibility(db, input)).submission;
}

/** createSubmission, with the course's visibility rules for its student (from the same read: no statement more). */
export async function createSubmissionWithVisibility(
  db: Database,
  input: CreateSubmissionInput,
): Promise<{ submission: Submission; visibility: SubmissionVisibility | null }> {
  const now = input.now ?? new Date();
  const rules = input.rules ?? defaultSubmissionRules;
  const parsed = stage('validation', () => submissionRequest.safeParse(input.body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new SubmissionError('invalid-request', `${where}${issue?.message ?? 'invalid request body'}`);
  }
  const request = parsed.data;
  // While the statements below run (the context read, then the store), the grading child solves this student's
  // variant of the exercise: its reference answers, 2–10 ms for a variant's first grade, then cached. Sent before the
  // checks, since after them only the store is left to overlap (measured: no gain). It grades nothing, and a variant
  // is solved once, whatever becomes of this request.
  input.queue.prepare?.({ exercise: request.exercise, variant: variantSeed(request.exercise, input.userId) });

  const { max, windowMs } = rules.rateLimit;
  // One read for everything below: course and role, the course's exercise, the student's recent submissions.
  const context = await stage('statement: submission context', () =>
    selectSubmissionContext(db, input.userId, request.exercise, { since: new Date(now.getTime() - windowMs), limit: max }),
  );
  if (!context)
    throw new SubmissionError('not-enrolled', 'You are not enrolled in a course: join one with its join code on /course first.');
  const { courseExercise } = context;
  const course = currentCourseOfRow(context.course);
  const actor = actorIn(null, course);
  if (!can(actor, 'submission.create')) throw new SubmissionError('forbidden', refusal(actor, 'submission.create', course.title));
  // Staff try exercises before students see them, and past their due dates.
  const staffTrial = can(actor, 'exercise.preview');
  // Catalogue exercises resolve in memory; a site-authored one from its version's snapshot, read once per process.
  const exercise = courseExercise ? (await resolveExercise(db, courseExercise))?.exercise : undefined;
  if (!courseExercise || !exercise || (!courseExercise.published && !staffTrial)) {
    throw new SubmissionError('unknown-exercise', `Unknown exercise '${request.exercise}' in ${course.title}.`);
  }
  if (!courseExercise.currentVersionId) {
    throw new SubmissionError('unknown-exercise', `Exercise '${request.exercise}' has no registered version yet.`);
  }
  const payload = stage('validation', () => validatePayload(exercise, request));
  // The exercise's assessment (release, pool draw, exam instance, credit timeline, overrides): its own module.
  const assessment = await stage('assessment rules', () =>
    assessmentSubmissionRules(db, {
      course,
      userId: input.userId,
      courseExercise,
      assessmentSlug: request.assessment,
      staffTrial,
      now,
      facts: context.assessment,
    }),
  );
  const dueAt = assessment ? assessment.dueAt : courseExercise.dueAt;
  const maxAttempts = assessment ? assessment.maxAttempts : courseExercise.maxAttempts;

  const late = dueAt !== null && now.getTime() > dueAt.getTime();
  if (late && course.latePolicy === 'refuse' && !staffTrial && (assessment?.credit ?? null) === null) {
    throw new SubmissionError(
      'past-due',
      `'${exercise.slug}' was due ${formatDateTime(dueAt!, course.timeZone)}: ${course.title} does not accept late submissions.`,
    );
  }

  const recent = context.recentSubmissionTimes;
  if (recent.length >= max) {
    const oldest = recent[recent.length - 1]!;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
    throw new SubmissionError(
      'rate-limited',
      `Too many submissions: at most ${max} per ${Math.round(windowMs / 1000)} s. You can submit again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  }

  const stored = {
    ...(input.id ? { id: input.id } : {}),
    userId: input.userId,
    courseId: course.id,
    exerciseId: courseExercise.exerciseId,
    exerciseVersionId: courseExercise.currentVersionId,
    kind: exercise.kind,
    payload,
    variantSeed: String(variantSeed(exercise.slug, input.userId)),
    late,
    maxAttempts,
    credit: assessment?.credit ?? null,
  };
  // A free worker here takes the job in the statement that stores it: no statement more to take and claim it.
  const slot = input.queue.reserve?.() ?? null;
  const outcome = await stage(slot ? 'statement: store, queue and take' : 'statement: store and queue', () =>
    insertSubmission(db, stored, slot ? slot.sameStatement : input.queue.sameStatement),
  ).catch((error: unknown) => {
    slot?.cancel();
    throw error;
  });
  if (!outcome.ok) {
    slot?.cancel();
    throw new SubmissionError('attempts-exhausted', `You have used all ${maxAttempts} attempts for '${exercise.slug}'.`);
  }
  // Stored taken, the outcome carries its claim.
  if (slot) slot.take(outcome.claim!);
  else input.queue.queued(outcome.submission.id);
  return { submission: outcome.submission, visibility: submissionVisibility(courseExercise) };
}
