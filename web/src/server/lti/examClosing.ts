import 'server-only';
import { listOverrides, ltiExamClosingCandidates, type Database, type DbHandle } from '@deltalab/db';
import { instanceState, overrideFor } from '@/lib/assessmentRules';
import { gradedRoles } from '../auth/permissions';
import { overridesOf, timingOf } from '../services/assessments/assessmentTiming';
import { queueAssessmentScores } from './gradePassback';

const MINUTE_MS = 60_000;

/**
 * Exams that closed by the clock (a time limit or a deadline passed) write nothing when they close, so no grading or
 * progress hook tells the LMS. This sweep finds them: the candidates (instances whose LMS score is not `Completed` yet)
 * from one query, then the assessment rules decide which have closed at `now`; their students' assessment scores are
 * queued (only changed scores are sent, so queuing one twice is harmless). Returns how many posts it queued.
 */
export async function sweepClosedExams(db: Database, now = new Date()): Promise<number> {
  const candidates = await ltiExamClosingCandidates(db, gradedRoles());
  const closedByCourse = new Map<string, Set<string>>();
  const overridesByCourse = new Map<string, Awaited<ReturnType<typeof listOverrides>>>();
  for (const candidate of candidates) {
    let overrides = overridesByCourse.get(candidate.courseId);
    if (!overrides) overridesByCourse.set(candidate.courseId, (overrides = await listOverrides(db, candidate.courseId)));
    const override = overrideFor(overridesOf(overrides, candidate.assessmentId), candidate.userId, candidate.section);
    if (instanceState(timingOf(candidate.assessment), candidate.instance, now, override).open) continue;
    const users = closedByCourse.get(candidate.courseId) ?? new Set<string>();
    closedByCourse.set(candidate.courseId, users.add(candidate.userId));
  }
  let queued = 0;
  for (const [courseId, userIds] of closedByCourse) queued += await queueAssessmentScores(db, { courseId, userIds: [...userIds] }, now);
  return queued;
}

/**
 * Runs the sweep once at start and then every minute, in the process that works the passback queue (an exam's end is
 * told to the LMS within a minute). A failure is logged and tried again the next minute.
 */
export function startExamClosingSweep(handle: DbHandle): () => void {
  const run = () => void sweepClosedExams(handle.db).catch((error: unknown) => console.error('LTI: the closed-exam sweep failed', error));
  run();
  const timer = setInterval(run, MINUTE_MS);
  timer.unref();
  return () => clearInterval(timer);
}
