import {
  claimSubmissionsForGrading,
  countGradingChildDeath,
  recordGradingOutcomes,
  type Database,
  type GradingClaim,
  type GradingRecord,
  type SubmissionPayload,
} from '@deltalab/db';
import type { ClaimedSubmission, GradingOutcome, GradingStore, Submission } from '@deltalab/grader';
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
  if ('failure' in outcome) {
    console.error(`grading submission ${claim.submissionId} failed: ${outcome.failure}`);
    return { submissionId: claim.submissionId, status: 'failed', failureMessage: outcome.failure };
  }
  const { result } = outcome;
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

/** A validated payload (see validatePayload) as the grader takes it; null for a payload the grader does not grade. */
export function toGraderSubmission(kind: string, payload: SubmissionPayload): Submission | null {
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
