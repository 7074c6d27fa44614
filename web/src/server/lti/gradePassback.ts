import 'server-only';
import {
  listLtiContextsOfCourse,
  listQueuedLtiJobIds,
  ltiExerciseScores,
  queueLtiScores,
  recordLtiScoreOutcome,
  selectLtiScoreJob,
  type Database,
  type DbHandle,
  type LtiScoreScope,
  type LtiScoreToSend,
} from '@deltalab/db';
import { createGradingQueue, type GradingQueue } from '@deltalab/grader';
import { gradedRoles } from '../auth/permissions';
import { postScore, ServiceError } from './ags';
import { ltiAssessmentScores } from './assessmentScores';

/**
 * Grade passback (AGS) through the durable queue: pg-boss on our database (the grader's queue, under a queue name of
 * its own), so a post survives restarts and is retried with exponential backoff (5 retries from 5 s: 5, 10, 20, 40,
 * 80 s). `lti_scores` holds one row per (line item, student): a new grade queues a job only when the score differs
 * from the one queued or last acknowledged. Course staff, test students and dropped students are never sent.
 */
const PASSBACK_QUEUE = 'lti-score';

const holder = globalThis as typeof globalThis & {
  __deltalabPassback?: { handle: DbHandle; queue: Promise<GradingQueue>; stopWorker?: () => Promise<void> };
};

export interface PassbackOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollingIntervalSeconds?: number;
}

/** Opens the passback queue on this database (once per process). */
export function passbackQueue(handle: DbHandle, options: PassbackOptions = {}): Promise<GradingQueue> {
  if (holder.__deltalabPassback?.handle !== handle) {
    const queue = createGradingQueue({
      executeSql: (text, values) => handle.executeSql(text, values),
      name: PASSBACK_QUEUE,
      retryLimit: options.retryLimit ?? 5,
      retryDelaySeconds: options.retryDelaySeconds ?? 5,
      expireInSeconds: 120,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    });
    holder.__deltalabPassback = { handle, queue };
  }
  return holder.__deltalabPassback.queue;
}

async function enqueue(jobIds: string[]): Promise<void> {
  const runtime = holder.__deltalabPassback;
  // No queue opened in this process (a CLI): the rows stay `queued`, and the next worker to start sends them.
  if (!runtime || jobIds.length === 0) return;
  const queue = await runtime.queue;
  for (let i = 0; i < jobIds.length; i += 1000) await queue.enqueue(jobIds.slice(i, i + 1000));
}

/** The scores of a scope's line items as the grades stand: exercises' and assessments' (one score per assessment). */
async function scoresOf(db: Database, scope: LtiScoreScope): Promise<LtiScoreToSend[]> {
  const [exercises, assessments] = await Promise.all([ltiExerciseScores(db, scope, gradedRoles()), ltiAssessmentScores(db, scope)]);
  return [...exercises, ...assessments];
}

/** A scope's assessment scores as they stand at `now`, queued where they changed; returns how many posts were queued. */
export async function queueAssessmentScores(db: Database, scope: LtiScoreScope, now: Date): Promise<number> {
  const jobIds = await queueLtiScores(db, await ltiAssessmentScores(db, scope, now));
  await enqueue(jobIds);
  return jobIds.length;
}

/**
 * The hook grading calls after it records grades (two queries; nothing more when the course has no line items): the
 * changed scores of those submissions' students are queued. It never throws: passback must not hold up grading.
 */
export async function afterGradesRecorded(db: Database, submissionIds: string[]): Promise<void> {
  try {
    const scores = await scoresOf(db, { submissionIds });
    if (scores.length === 0) return;
    await enqueue(await queueLtiScores(db, scores));
  } catch (error) {
    console.error('LTI: queueing grade passback failed', error);
  }
}

/** After a student starts or finishes an exam: their assessment scores' progress changed. Never throws. */
export async function afterAssessmentProgress(db: Database, courseId: string, userId: string): Promise<void> {
  try {
    const scores = await scoresOf(db, { courseId, userId });
    if (scores.length > 0) await enqueue(await queueLtiScores(db, scores));
  } catch (error) {
    console.error('LTI: queueing grade passback failed', error);
  }
}

/** Every student's current score for a context's line items, queued where it changed (`retryFailed`: failed ones too). */
export async function queueContextScores(db: Database, contextId: string, options: { retryFailed?: boolean } = {}): Promise<number> {
  const jobIds = await queueLtiScores(db, await scoresOf(db, { contextId }), options);
  await enqueue(jobIds);
  return jobIds.length;
}

/** One job: posts the row's score as it is now. 'retry' hands the job back to the queue's backoff. */
async function processScoreJob(db: Database, jobId: string, final: boolean): Promise<'sent' | 'retry' | 'failed' | 'gone'> {
  const job = await selectLtiScoreJob(db, jobId);
  if (!job) return 'gone'; // superseded by a newer score (its own job sends that), or the line item went away
  if (!job.sub) {
    await recordLtiScoreOutcome(db, jobId, {
      failed: 'This student has never launched from this LMS: the platform does not know their id here.',
      final: true,
    });
    return 'failed';
  }
  try {
    await postScore(db, job.platform, job.lineItem.url, {
      sub: job.sub,
      scoreGiven: job.score.scoreGiven,
      scoreMaximum: job.score.scoreMaximum,
      activityProgress: job.score.activityProgress,
      gradingProgress: job.score.gradingProgress,
    });
    await recordLtiScoreOutcome(db, jobId, { sent: true });
    return 'sent';
  } catch (error) {
    const retry = error instanceof ServiceError ? error.retry : true;
    const message = error instanceof Error ? error.message : String(error);
    await recordLtiScoreOutcome(db, jobId, { failed: message, final: final || !retry });
    return retry && !final ? 'retry' : 'failed';
  }
}

/** One round: takes up to `batch` jobs and works them (completions in one statement). Returns how many it took. */
export async function passbackRound(handle: DbHandle, batch = 50): Promise<number> {
  const queue = await passbackQueue(handle);
  const jobs = await queue.fetch(batch);
  const done: string[] = [];
  await Promise.all(
    jobs.map(async (job) => {
      const outcome = await processScoreJob(handle.db, job.submissionId, job.final);
      if (outcome === 'retry') await queue.retryLater(job.id, 'the platform did not take the score');
      else done.push(job.id);
    }),
  );
  await queue.complete(done);
  return jobs.length;
}

/**
 * Works the passback queue in this process: woken by an enqueue here (or NOTIFY from another process), and polling for
 * retries whose backoff ended. Rows left `queued` (enqueued while no queue was open) are enqueued at start.
 */
export async function startPassbackWorker(handle: DbHandle, options: PassbackOptions = {}): Promise<() => Promise<void>> {
  const queue = await passbackQueue(handle, options);
  let running = false;
  let again = false;
  let stopped = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while (!stopped && (await passbackRound(handle)) > 0);
      } while (again && !stopped);
    } catch (error) {
      console.error('LTI: grade passback round failed', error);
    } finally {
      running = false;
    }
  };
  await enqueue(await listQueuedLtiJobIds(handle.db));
  const unwake = queue.onWake(() => void run());
  const timer = setInterval(() => void run(), (options.pollingIntervalSeconds ?? 2) * 1000);
  timer.unref();
  void run();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    unwake();
    while (running) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  holder.__deltalabPassback!.stopWorker = stop;
  return stop;
}

/** Stops the worker and the queue (tests, shutdown). */
export async function stopPassback(): Promise<void> {
  const runtime = holder.__deltalabPassback;
  holder.__deltalabPassback = undefined;
  if (!runtime) return;
  await runtime.stopWorker?.();
  await (await runtime.queue).stop({ timeoutMs: 2000 });
}

/** After grades of a course changed outside grading (a regrade applied): its changed scores are queued. Never throws. */
export async function afterCourseGradesChanged(db: Database, courseId: string): Promise<void> {
  try {
    for (const context of await listLtiContextsOfCourse(db, courseId)) await queueContextScores(db, context.id);
  } catch (error) {
    console.error('LTI: queueing grade passback failed', error);
  }
}
