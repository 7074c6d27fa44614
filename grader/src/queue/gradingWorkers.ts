import { gradeContained, PoolClosedError, type GradingPool } from '../process';
import { isInternalFailure } from '../protocol';
import type { GradingQueue } from './gradingQueue';
import type { ClaimedSubmission, GradingJob, GradingOutcome, GradingStore } from './gradingStore';
import { GroupCommit } from './groupCommit';
import { Wakeup } from './wakeup';

const COMPLETE_DELAY_MS = 250;

export type GradingWorkersOptions<C extends ClaimedSubmission> = {
  queue: GradingQueue;
  /** The grading child processes: student code runs there, never in this process. */
  pool: GradingPool;
  store: GradingStore<C>;
  /**
   * Jobs held beyond those being graded (default: 7 × the pool's capacity). Each job spends most of its time in
   * database round trips (claim, record), not in a child: by Little's law, jobs in hand ÷ time per job bounds the rate,
   * so a pool of 4 needs tens of jobs in hand to grade hundreds a second. Jobs in hand are active in pg-boss: keep
   * this well below what the pool grades within `expireInSeconds`.
   */
  prefetch?: number;
  log?: (line: string) => void;
};

export type GradingWorkers<C extends ClaimedSubmission = ClaimedSubmission> = {
  /**
   * A grading slot for a job the caller is about to store, when a child is free now (so no job waits in the queue
   * ahead of it), else null. The caller stores the job already taken (`queue.sameStatement.insertTakenJobs`) with its
   * submission claimed, in one statement, then hands both over with `take`; or gives the slot back with `cancel`
   * when nothing was stored. A job so taken is the loop's in every other way: completed with its grade, retried or
   * recovered as any taken job is if this process dies first.
   */
  reserve(): GradingSlot<C> | null;
  /** Stops taking jobs, lets the jobs in hand finish and their results be written. */
  stop(): Promise<void>;
};

type GradingSlot<C extends ClaimedSubmission> = {
  /** The stored job's first try, and its claimed submission (loaded by `claims`: none when it needs no grading). */
  take(submissionId: string, claims: () => Promise<C[]>): void;
  cancel(): void;
};

/**
 * The grading loop of one process: takes as many jobs as the pool has room for (plus `prefetch`) and claims their
 * submissions (one statement where the store can, else a fetch then a claim), grades them concurrently in the child
 * processes, and records results in group commits (one statement for every result that finished meanwhile, which
 * completes their jobs too where the store can; else one more, a quarter second later, serves many batches). It
 * fetches again at once while there is work and room, and otherwise sleeps until an enqueue wakes it (same process,
 * or Postgres NOTIFY) or the queue's polling interval passes.
 *
 * Outcomes: a student's failure (wrong, timeout, memory) is a result. A child that dies while grading counts
 * against the submission (durably, through the store); gradeContained decides what that means (see its policy: at
 * most two children per submission). An internal grader failure is retried with pg-boss's backoff, and recorded as a
 * failure (the attempt given back) on the last try. A store that cannot be reached leaves the job to a retry.
 */
export async function startGradingWorkers<C extends ClaimedSubmission>(options: GradingWorkersOptions<C>): Promise<GradingWorkers<C>> {
  const { queue, pool, store } = options;
  const log = options.log ?? ((line: string) => console.error(`[grader workers] ${line}`));
  const limit = pool.capacity + (options.prefetch ?? 7 * pool.capacity);
  // Under a backlog, refill in batches of at least a quarter of the limit, not one job per freed slot.
  const refill = Math.max(1, Math.floor(limit / 4));
  const pollMs = queue.settings.pollingIntervalSeconds * 1000;
  const workArrived = new Wakeup();
  const roomFreed = new Wakeup();
  const stopWaking = queue.onWake(() => workArrived.signal());
  const inHand = new Set<Promise<void>>();
  let held = 0;
  let stopping = false;

  // Completing a job is bookkeeping nobody waits on (the grade is recorded and announced already): one statement per
  // quarter second serves every job finished meanwhile. A crash before it leaves the jobs active; they expire, are
  // retried, find their submission graded and complete then.
  const completions = new GroupCommit<string>((jobIds) => queue.complete(jobIds), { delayMs: COMPLETE_DELAY_MS });
  const commit = new GroupCommit<{ job: GradingJob; outcome: GradingOutcome<C> }>(async (batch) => {
    const recorded = await store.record(
      batch.map((entry) => entry.outcome),
      queue.sameStatement,
    );
    if (recorded?.jobsCompleted) return;
    for (const entry of batch) {
      completions.add(entry.job.id).catch((error: unknown) => log(`completing job ${entry.job.id} failed: ${describe(error)}`));
    }
  });
  const giveBack = (job: GradingJob, reason: string) =>
    queue.retryLater(job.id, reason).catch((error: unknown) => log(`could not give job ${job.id} back: ${describe(error)}`));

  const gradeOne = async (job: GradingJob, claim: C): Promise<void> => {
    try {
      const grade = await gradeContained(pool, claim.request, {
        deaths: claim.childDeaths,
        countDeath: () => store.countChildDeath(claim.submissionId),
      });
      if (grade.kind === 'refused') {
        await commit.add({ job, outcome: { claim, failure: grade.message } });
      } else if (isInternalFailure(grade.result) && !job.final) {
        log(`submission ${claim.submissionId}, try ${job.attempt}: ${grade.result.error?.message ?? 'internal failure'}; retrying`);
        await giveBack(job, grade.result.error?.message ?? 'internal failure');
      } else if (isInternalFailure(grade.result)) {
        await commit.add({ job, outcome: { claim, failure: grade.result.error?.message ?? 'The grader failed.' } });
      } else {
        await commit.add({ job, outcome: { claim, result: grade.result } });
      }
    } catch (error) {
      // The pool is closing (the job stays active and expires into a retry), or the store failed: retry later.
      if (error instanceof PoolClosedError) return;
      log(`submission ${claim.submissionId}: ${describe(error)}; retrying later`);
      await giveBack(job, describe(error));
    }
  };

  const take = async (jobs: GradingJob[], claimedAlready?: () => Promise<C[]>): Promise<void> => {
    let done = 0;
    const release = (count: number) => {
      held -= count;
      done += count;
      roomFreed.signal();
    };
    try {
      let claims: C[];
      try {
        claims = await (claimedAlready ? claimedAlready() : store.claim(jobs.map((job) => job.submissionId)));
      } catch (error) {
        log(`claiming ${jobs.length} submission(s) failed: ${describe(error)}; retrying later`);
        await Promise.all(jobs.map((job) => giveBack(job, describe(error))));
        return;
      }
      const claimed = new Map(claims.map((claim) => [claim.submissionId, claim]));
      const settled = jobs.filter((job) => !claimed.has(job.submissionId));
      for (const job of settled) {
        // Already graded (a duplicate delivery) or gone: nothing to do but finish the job.
        completions.add(job.id).catch((error: unknown) => log(`completing job ${job.id} failed: ${describe(error)}`));
      }
      release(settled.length);
      await Promise.all(
        jobs.flatMap((job) => {
          const claim = claimed.get(job.submissionId);
          return claim ? [gradeOne(job, claim).finally(() => release(1))] : [];
        }),
      );
    } finally {
      release(jobs.length - done);
    }
  };

  const hold = (batch: Promise<void>) => {
    inHand.add(batch);
    void batch.finally(() => inHand.delete(batch));
  };

  const loop = (async () => {
    while (!stopping) {
      const room = limit - held;
      if (room < refill) {
        await roomFreed.wait();
        continue;
      }
      let jobs: GradingJob[] = [];
      let claims: C[] | undefined;
      try {
        if (store.takeAndClaim) ({ jobs, claims } = await store.takeAndClaim(queue.sameStatement, room));
        else jobs = await queue.fetch(room);
      } catch (error) {
        // Taking and claiming is one statement: when it fails, nothing was taken.
        log(`fetching jobs failed: ${describe(error)}`);
      }
      if (jobs.length > 0) {
        held += jobs.length;
        hold(take(jobs, claims && (() => Promise.resolve(claims))));
      }
      // Fewer than asked for: the queue is empty for now. Sleep until an enqueue, or poll for retries coming due.
      if (jobs.length < room && !stopping) await workArrived.wait(pollMs);
    }
  })();

  return {
    reserve() {
      // A free child only: with every child busy the job would wait in hand, where the queue orders it fairly.
      if (stopping || held >= pool.capacity) return null;
      held++;
      let settled = false;
      const settle = () => {
        if (settled) throw new Error('A grading slot is taken or cancelled once.');
        settled = true;
      };
      return {
        take(submissionId, claims) {
          settle();
          const job = { id: submissionId, submissionId, attempt: 1, final: queue.settings.retryLimit <= 0 };
          hold(take([job], claims));
        },
        cancel() {
          settle();
          held--;
          roomFreed.signal();
        },
      };
    },
    async stop() {
      stopping = true;
      stopWaking();
      workArrived.signal();
      roomFreed.signal();
      await loop;
      await Promise.all([...inHand]);
      await commit.flush();
      await completions.flush();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
