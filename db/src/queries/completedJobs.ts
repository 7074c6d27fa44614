import { sql, type SQL } from 'drizzle-orm';

/**
 * The grading queue's SQL that completes the jobs of a relation's `id`s (the grader's
 * `GradingQueue.sameStatement.completeJobs`: this package knows nothing of the queue).
 */
export type CompleteJobs = (source: string) => string;

/** The CTE that completes the grading jobs of the statement's `input` rows, when the caller passes the queue's SQL. */
export function completedJobs(completeJobs: CompleteJobs | undefined): SQL {
  return completeJobs ? sql.raw(`, completed_jobs as (${completeJobs('input')})`) : sql``;
}
