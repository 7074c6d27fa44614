import { findExercise } from '@deltalab/exercises';
import type { GradeRequest, GradeResult } from '../protocol';
import { DEFAULT_LIMITS } from '../sandbox';
import { GRADER_VERSION } from '../version';
import type { ChildGrade, GradingPool } from './gradingProcessPool';

/**
 * How many grading children one job may take down. The first death may be a neighbour's fault (a child grades
 * several jobs at once), so the job is graded again alone; a second death is the job's own doing.
 */
export const MAX_CHILD_DEATHS_PER_JOB = 2;

export type ContainedGrade = Exclude<ChildGrade, { kind: 'crashed' }>;

export type ContainmentOptions = {
  /** Children this job has already taken down (durable across restarts when the caller stores it). */
  deaths?: number;
  /** Records one more death durably and returns the new count (a queue keeps it in the database). */
  countDeath?: (crash: Extract<ChildGrade, { kind: 'crashed' }>) => Promise<number>;
};

/**
 * Grades a request in the pool with the crash policy. A child that dies of V8 heap exhaustion while holding only
 * this job was brought down by it: the job scores 0 with a message naming the memory limit. Otherwise (neighbours in
 * the same child, a kill from outside, a crash of another kind) the job is graded again alone in a fresh child; once
 * it has taken down MAX_CHILD_DEATHS_PER_JOB children it is not run again and scores 0 the same way (or naming the
 * time limit, for a child that stopped answering). Never more than two children per job, including across restarts
 * when `deaths`/`countDeath` are durable.
 */
export async function gradeContained(pool: GradingPool, request: GradeRequest, options: ContainmentOptions = {}): Promise<ContainedGrade> {
  let deaths = options.deaths ?? 0;
  let lastCrash: Extract<ChildGrade, { kind: 'crashed' }> | undefined;
  while (deaths < MAX_CHILD_DEATHS_PER_JOB) {
    const grade = await pool.grade(request, { alone: deaths > 0, timeLimitMs: watchdogMs(request) });
    if (grade.kind !== 'crashed') return grade;
    // The exercise's own code (an authored one) brought its child down, not the student's: an internal failure, which
    // a queue retries and at last records without using an attempt. No death is counted against the submission.
    if (grade.exerciseFile) return { kind: 'graded', result: exerciseCrashedResult(request, grade) };
    lastCrash = grade;
    deaths = options.countDeath ? await options.countDeath(grade) : deaths + 1;
    if (grade.sole && grade.heapExhausted) break;
  }
  return { kind: 'graded', result: crashedResult(request, lastCrash?.cause ?? 'died', pool.memoryCeilingMb) };
}

function jobLimits(request: GradeRequest): { timeMs: number; memoryMb: number } {
  const exercise = findExercise(request.exercise);
  return exercise && 'limits' in exercise ? exercise.limits : DEFAULT_LIMITS;
}

/**
 * How long the pool waits for a job before it deems the child hung. An authored exercise's limits are in its folder
 * (read in the child), and a job may run its code for a variant and then the student's: allow twice the most an
 * exercise may set (60 s).
 */
function watchdogMs(request: GradeRequest): number {
  return request.folder ? 2 * 60_000 : jobLimits(request).timeMs;
}

function exerciseCrashedResult(request: GradeRequest, crash: Extract<ChildGrade, { kind: 'crashed' }>): GradeResult {
  return {
    ...crashedResult(request, crash.cause, 0),
    error: {
      kind: 'internal',
      message: `The exercise's own code (${crash.exerciseFile}) brought its grading process down while grading this submission (${crash.detail}): this is the exercise's fault, not the submission's.`,
    },
    exerciseVersion: request.folder?.hash ?? 'unknown',
  };
}

/** The grade of a submission that took down its grading processes: 0, with what to look for. */
export function crashedResult(request: GradeRequest, cause: 'died' | 'unresponsive', ceilingMb: number): GradeResult {
  const exercise = findExercise(request.exercise);
  const limits = jobLimits(request);
  const error =
    cause === 'unresponsive'
      ? {
          kind: 'timeout' as const,
          message: `Your code ran far past the time limit of ${limits.timeMs} ms and its grading process stopped answering, so it was stopped.`,
        }
      : {
          kind: 'memory' as const,
          message:
            `Your code used more memory than the grader allows (${limits.memoryMb} MB for your code; the process grading it ` +
            `has ${ceilingMb} MB in all) and brought that process down, so it was stopped. Look for an array, object or ` +
            'string that keeps growing, or a recursion that allocates at every level.',
        };
  return {
    exercise: request.exercise,
    variant: request.variant ?? 'canonical',
    kind:
      exercise?.kind ??
      (request.submission.kind === 'model' || request.submission.kind === 'retrain' ? 'challenge' : request.submission.kind),
    score: 0,
    passed: false,
    ...(exercise?.kind === 'code' ? { cases: [] } : {}),
    error,
    timings: { totalMs: 0 },
    exerciseVersion: exercise?.contentHash ?? request.folder?.hash ?? 'unknown',
    graderVersion: GRADER_VERSION,
  };
}
