import {
  claimRegradeItems,
  claimSubmissionsForGrading,
  countGradingChildDeath,
  countRegradeChildDeath,
  recordGradingOutcomes,
  recordRegradeOutcomes,
  takeAndClaimSubmissions,
  type Database,
  type ExerciseKind,
  type GradingClaim,
  type GradingRecord,
  type LatePolicy,
  type RegradeClaim,
  type RegradeRecord,
  type Submission as StoredSubmission,
  type SubmissionPayload,
} from '@deltalab/db';
import { findExercise } from '@deltalab/exercises';
import type { ClaimedSubmission, GradeResult, GradingOutcome, GradingStore, Submission } from '@deltalab/grader';
import { lateScoreFactor } from '@/lib/latePolicy';
import { attemptFactor } from '@/lib/assessmentRules';
import { versionFolder } from '../exercises/resolveExercise';
import { mark, stage } from '../breakdown';
import type { StoredGradeResult } from './storedResult';
import { afterGradesRecorded } from '../lti/gradePassback';

/**
 * The one adapter between stored submissions and the grader's queue: what a claimed submission is as a grade
 * request, how an outcome is recorded (with the course's attempt decay and late penalty), and the durable count of
 * grading processes a submission took down. The grader package never touches the database; this is where web wires
 * it, one round trip per batch each way.
 */
/**
 * A job is a stored submission (its id is the submission's) or an item of a regrade (its id is the item's): regrades
 * go through the same durable queue and the same grading children. Claiming tries submissions first, in the one
 * statement the submit path always used, and looks for regrade items only among ids that were no submission.
 */
type Rules = {
  kind: ExerciseKind;
  attempt: number;
  late: boolean;
  pointsDecayPerAttempt: number;
  pointsPerAttempt: number[] | null;
  credit: number | null;
  latePolicy: LatePolicy;
  latePenalty: number;
};
type Stored = { payload: SubmissionPayload; exerciseSlug: string };
export type SiteClaim = ClaimedSubmission & { rules: Rules; stored: Stored } & (
    { target: 'submission' } | { target: 'regrade'; itemId: string }
  );

export type SiteGradingStore = GradingStore<SiteClaim> & {
  /** The claims of submissions stored already claimed (a job taken as it was stored), as the workers take them. */
  claimsOf(claims: GradingClaim[]): Promise<SiteClaim[]>;
};

/**
 * `onRecorded`, where the waiting requests are in this process (the embedded database), gets the recorded rows in
 * place of the NOTIFY: the recording statement returns them.
 */
export function gradingStore(db: Database, onRecorded?: (rows: StoredSubmission[]) => void): SiteGradingStore {
  /** Claims, as the workers take them: submissions' (already claimed), then regrade items' among the other jobs. */
  const siteClaims = async (jobIds: string[], claims: GradingClaim[]): Promise<SiteClaim[]> => {
    const claimedIds = new Set(claims.map((c) => c.submissionId));
    const others = jobIds.filter((id) => !claimedIds.has(id));
    const regradeClaims = others.length > 0 ? await claimRegradeItems(db, others) : [];
    const ungradable: GradingRecord[] = [];
    const ungradableItems: RegradeRecord[] = [];
    const graded: SiteClaim[] = [];
    for (const stored of claims) {
      const request = await gradeRequestOf(db, stored);
      if (typeof request === 'string') ungradable.push({ submissionId: stored.submissionId, status: 'failed', failureMessage: request });
      else
        graded.push({
          submissionId: stored.submissionId,
          request,
          childDeaths: stored.childDeaths,
          rules: stored,
          stored,
          target: 'submission',
        });
    }
    for (const stored of regradeClaims) {
      const request = await gradeRequestOf(db, stored);
      if (typeof request === 'string') ungradableItems.push({ itemId: stored.itemId, status: 'failed', failureMessage: request });
      // The job's id is the item's: the worker completes that job and counts deaths against it.
      else
        graded.push({
          submissionId: stored.itemId,
          request,
          childDeaths: stored.childDeaths,
          rules: stored,
          stored,
          target: 'regrade',
          itemId: stored.itemId,
        });
    }
    await recordGradingOutcomes(db, ungradable);
    await recordRegradeOutcomes(db, ungradableItems);
    return graded;
  };
  return {
    claimsOf: (claims) =>
      siteClaims(
        claims.map((claim) => claim.submissionId),
        claims,
      ),
    async claim(jobIds) {
      return siteClaims(jobIds, await stage('statement: claim', () => claimSubmissionsForGrading(db, jobIds)));
    },
    async takeAndClaim(queue, count) {
      const taken = await stage('statement: take jobs and claim', () => takeAndClaimSubmissions(db, queue.takeJobs(count)));
      return {
        jobs: taken.jobs,
        claims: await siteClaims(
          taken.jobs.map((job) => job.submissionId),
          taken.claims,
        ),
      };
    },
    async record(outcomes, queue) {
      const submissions = outcomes.filter((o) => o.claim.target === 'submission');
      const items = outcomes.filter((o) => o.claim.target === 'regrade');
      // A job's id is its submission's or item's: each statement completes the jobs of what it records.
      const completeJobs = queue?.completeJobs;
      if (submissions.length > 0) {
        const recorded = await stage('statement: record, complete jobs', () =>
          recordGradingOutcomes(db, submissions.map(toRecord), { completeJobs, returnRows: onRecorded !== undefined }),
        );
        mark('recorded', recorded.ids);
        if (onRecorded && recorded.rows) onRecorded(recorded.rows);
        // LTI grade passback (issue 20): queues the scores that changed for the LMS; never fails or holds up grading.
        if (recorded.inLtiCourses) void stage('LTI: scores to send', () => afterGradesRecorded(db, recorded.ids));
      }
      if (items.length > 0) await recordRegradeOutcomes(db, items.map(toRegradeRecord), { completeJobs });
      return { jobsCompleted: completeJobs !== undefined };
    },
    async countChildDeath(jobId) {
      // Finished meanwhile (another worker recorded it): nothing to run again.
      const count = (await countGradingChildDeath(db, jobId)) ?? (await countRegradeChildDeath(db, jobId));
      return count ?? Number.POSITIVE_INFINITY;
    },
  };
}

/** The grade request for a claimed submission or regrade item, or why it cannot be graded. */
async function gradeRequestOf(
  db: Database,
  stored: (GradingClaim | RegradeClaim) & { exerciseSource: 'catalogue' | 'site'; versionId: string },
): Promise<ClaimedSubmission['request'] | string> {
  const submission = toGraderSubmission(stored.kind, stored.payload);
  if (!submission) return `A ${stored.kind} submission is not graded from this payload.`;
  const variant = stored.variantSeed === 'canonical' ? ('canonical' as const) : Number(stored.variantSeed);
  if (stored.exerciseSource !== 'site') return { exercise: stored.exerciseSlug, variant, submission };
  // A site-authored exercise is graded on its version's folder (read once per process: versions never change).
  const entry = await versionFolder(db, stored.versionId);
  if (!entry) return `Version ${stored.versionId} of '${stored.exerciseSlug}' has no stored folder.`;
  return { exercise: stored.exerciseSlug, variant, submission, folder: entry.folder };
}

/**
 * A grade as the course counts it: the grader's score times what the attempt may earn (the slot's points per attempt,
 * else the decay) and the credit its assessment's timeline gave it (else the course's late penalty).
 */
function courseScore(score: number, rules: Rules): number {
  const credit = rules.credit ?? lateScoreFactor(rules.late, rules);
  return Math.max(0, Math.min(1, score * attemptFactor(rules.attempt, rules.pointsPerAttempt, rules.pointsDecayPerAttempt) * credit));
}

function toRegradeRecord({ claim, ...outcome }: GradingOutcome<SiteClaim>): RegradeRecord {
  const itemId = claim.target === 'regrade' ? claim.itemId : claim.submissionId;
  if ('failure' in outcome) return { itemId, status: 'failed', failureMessage: outcome.failure };
  return {
    itemId,
    status: 'graded',
    score: courseScore(outcome.result.score, claim.rules),
    passed: outcome.result.passed,
    result: outcome.result,
  };
}

function toRecord({ claim, ...outcome }: GradingOutcome<SiteClaim>): GradingRecord {
  const verifyOf = 'verifyOf' in claim.stored.payload ? claim.stored.payload.verifyOf : undefined;
  const margin = (() => {
    const exercise = findExercise(claim.stored.exerciseSlug);
    return exercise?.kind === 'challenge' ? exercise.verifyMargin : 0;
  })();
  if ('failure' in outcome) {
    console.error(`grading submission ${claim.submissionId} failed: ${outcome.failure}`);
    return {
      submissionId: claim.submissionId,
      status: 'failed',
      failureMessage: outcome.failure,
      ...(verifyOf ? { verify: { entryId: verifyOf, score: null, margin, message: outcome.failure } } : {}),
    };
  }
  const { result } = outcome;
  if (result.kind === 'challenge') return challengeRecord(claim, result, verifyOf, margin);
  return {
    submissionId: claim.submissionId,
    status: 'graded',
    score: courseScore(result.score, claim.rules),
    passed: result.passed,
    result,
    graderVersion: result.graderVersion,
    timings: result.timings,
  };
}

/**
 * A challenge entry: its credit (thresholds on the public score; rank and attempts never cost points) and its scores
 * for the board, recorded in one statement. A Verify job: its outcome goes to the entry it re-trained; the job itself
 * scores nothing. The stored result keeps neither the private score (secret until the deadline) nor the boundary grid.
 */
function challengeRecord(claim: SiteClaim, result: GradeResult, verifyOf: string | undefined, margin: number): GradingRecord {
  const { challenge, ...rest } = result;
  const shown: StoredGradeResult = challenge
    ? {
        ...rest,
        challenge: {
          trainScore: challenge.trainScore,
          publicScore: challenge.publicScore,
          params: challenge.params,
          ...(challenge.retrain ? { retrain: challenge.retrain } : {}),
        },
      }
    : rest;
  const common = {
    submissionId: claim.submissionId,
    status: 'graded' as const,
    result: shown,
    graderVersion: result.graderVersion,
    timings: result.timings,
  };
  if (verifyOf) {
    const message = challenge
      ? `Re-trained ${challenge.retrain?.epochs ?? '?'} epochs in the sandbox${challenge.retrain?.engine === 'compiled' ? ' (compiled step)' : ''}: public score ${(challenge.publicScore * 100).toFixed(1)} %.`
      : `Re-training failed: ${result.error?.message ?? 'no score'}`;
    return { ...common, score: 0, passed: false, verify: { entryId: verifyOf, score: challenge?.publicScore ?? null, margin, message } };
  }
  return {
    ...common,
    score: result.score,
    passed: result.passed,
    ...(challenge
      ? {
          challenge: {
            trainScore: challenge.trainScore,
            publicScore: challenge.publicScore,
            privateScore: challenge.privateScore,
            boundary: challenge.boundary,
          },
        }
      : {}),
  };
}

/** A validated payload (see validatePayload) as the grader takes it; null for a payload the grader does not grade. */
export function toGraderSubmission(kind: string, payload: SubmissionPayload): Submission | null {
  if ('model' in payload) return { kind: 'model', model: payload.model };
  if ('retrain' in payload) return { kind: 'retrain', ...payload.retrain };
  if ('code' in payload) return { kind: 'code', code: payload.code };
  if ('answers' in payload) {
    if (kind === 'choice') {
      const selected = payload.answers.selected;
      return { kind: 'choice', selected: Array.isArray(selected) ? selected : selected ? [String(selected)] : [] };
    }
    const answers: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(payload.answers)) answers[name] = Array.isArray(value) ? value.join(' ') : value;
    return { kind: 'numeric', answers };
  }
  return null;
}
