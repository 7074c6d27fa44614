import {
  claimSubmissionsForGrading,
  countGradingChildDeath,
  recordGradingOutcomes,
  type Database,
  type GradingClaim,
  type GradingRecord,
  type SubmissionPayload,
} from '@deltalab/db';
import { findExercise } from '@deltalab/exercises';
import type { ClaimedSubmission, GradeResult, GradingOutcome, GradingStore, Submission } from '@deltalab/grader';
import { lateScoreFactor } from '@/lib/latePolicy';
import { decayedScore } from '../services/submissions/submissionRules';

/**
 * The one adapter between stored submissions and the grader's queue: what a claimed submission is as a grade
 * request, how an outcome is recorded (with the course's attempt decay and late penalty), and the durable count of
 * grading processes a submission took down. The grader package never touches the database; this is where web wires
 * it, one round trip per batch each way.
 */
type SiteClaim = ClaimedSubmission & { stored: GradingClaim };

export function gradingStore(db: Database): GradingStore<SiteClaim> {
  return {
    async claim(submissionIds) {
      const claims = await claimSubmissionsForGrading(db, submissionIds);
      const ungradable: GradingRecord[] = [];
      const graded = claims.flatMap((stored) => {
        const submission = toGraderSubmission(stored.kind, stored.payload);
        if (!submission) {
          ungradable.push({ submissionId: stored.submissionId, status: 'failed', failureMessage: `A ${stored.kind} submission is not graded from this payload.` });
          return [];
        }
        const variant = stored.variantSeed === 'canonical' ? ('canonical' as const) : Number(stored.variantSeed);
        return [{ submissionId: stored.submissionId, request: { exercise: stored.exerciseSlug, variant, submission }, childDeaths: stored.childDeaths, stored }];
      });
      await recordGradingOutcomes(db, ungradable);
      return graded;
    },
    async record(outcomes) {
      await recordGradingOutcomes(db, outcomes.map(toRecord));
    },
    async countChildDeath(submissionId) {
      // Finished meanwhile (another worker recorded it): nothing to run again.
      return (await countGradingChildDeath(db, submissionId)) ?? Number.POSITIVE_INFINITY;
    },
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
  const rules = claim.stored;
  return {
    submissionId: claim.submissionId,
    status: 'graded',
    score: decayedScore(result.score, rules.attempt, rules.pointsDecayPerAttempt) * lateScoreFactor(rules.late, rules),
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
  const shown = challenge ? { ...rest, challenge: { trainScore: challenge.trainScore, publicScore: challenge.publicScore, params: challenge.params, ...(challenge.retrain ? { retrain: challenge.retrain } : {}) } } : rest;
  const common = { submissionId: claim.submissionId, status: 'graded' as const, result: shown, graderVersion: result.graderVersion, timings: result.timings };
  if (verifyOf) {
    const message = challenge
      ? `Re-trained ${challenge.retrain?.epochs ?? '?'} epochs in the sandbox: public score ${(challenge.publicScore * 100).toFixed(1)} %.`
      : `Re-training failed: ${result.error?.message ?? 'no score'}`;
    return { ...common, score: 0, passed: false, verify: { entryId: verifyOf, score: challenge?.publicScore ?? null, margin, message } };
  }
  return {
    ...common,
    score: result.score,
    passed: result.passed,
    ...(challenge ? { challenge: { trainScore: challenge.trainScore, publicScore: challenge.publicScore, privateScore: challenge.privateScore, boundary: challenge.boundary } } : {}),
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
