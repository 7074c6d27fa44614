import type { GradeRequest, GradeResult } from '../protocol';
import type { SameStatement } from './gradingQueue';

/** One grading job taken from the queue: which stored submission, and which try this is. */
export type GradingJob = {
  submissionId: string;
  /** The pg-boss job id (the submission's id: enqueueing a submission twice is a no-op). */
  id: string;
  /** 1 for the first try; retries after an internal failure or a lost worker count up. */
  attempt: number;
  /** No retry follows if this try fails internally. */
  final: boolean;
};

/** A stored submission a worker has taken (marked running), with everything grading it needs. */
export type ClaimedSubmission = {
  submissionId: string;
  request: GradeRequest;
  /** Grading child processes this submission has already taken down (kept with the submission). */
  childDeaths: number;
};

export type GradingOutcome<C extends ClaimedSubmission = ClaimedSubmission> =
  | { claim: C; result: GradeResult }
  /** Grading could not finish: the request cannot be graded, or the grader failed on its last try. */
  | { claim: C; failure: string };

/**
 * Where the workers read and write submissions; the grader never touches a database itself, so the site provides
 * this (one round trip per call, batched by the workers).
 */
export interface GradingStore<C extends ClaimedSubmission = ClaimedSubmission> {
  /** Marks these submissions running and loads them; submissions that need no grading any more are left out. */
  claim(submissionIds: string[]): Promise<C[]>;
  /**
   * A store on the queue's own database may take the jobs and claim their submissions in one statement
   * (`queue.takeJobs(count)` as a CTE). Without it, the workers fetch from the queue, then `claim`.
   */
  takeAndClaim?(queue: SameStatement, count: number): Promise<{ jobs: GradingJob[]; claims: C[] }>;
  /**
   * Records outcomes exactly once each (only a submission still queued or running changes). A store on the queue's
   * database may complete their jobs in the same statement (`queue.completeJobs`) and say so with `jobsCompleted`;
   * otherwise the workers complete them.
   */
  record(outcomes: GradingOutcome<C>[], queue?: SameStatement): Promise<{ jobsCompleted: boolean } | void>;
  /** Counts one more grading child this submission took down; returns the new count. */
  countChildDeath(submissionId: string): Promise<number>;
}
