import {
  ensureDraws,
  listAssessments,
  listInstancesOfUser,
  listOverridesForStudent,
  studentExerciseSummaries,
  type AssessmentInstance,
  type AssessmentRow,
  type Database,
  type StudentExerciseSummary,
} from '@deltalab/db';
import {
  creditAt,
  creditTimeline,
  effectiveDueAt,
  instanceState,
  isExtended,
  isPool,
  overrideFor,
  poolUnits,
  type TimelineStep,
} from '@/lib/assessmentRules';
import { resolveExercise } from '@/server/exercises/resolveExercise';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { newDraw, overridesOf, timingOf } from './assessmentTiming';

type AssessmentStatus = 'not-released' | 'open' | 'late' | 'closed' | 'not-started' | 'in-progress' | 'finished';

interface StudentQuestion {
  /** 1-based number in the assessment, as the student sees it. */
  number: number;
  slot: number;
  exercise: string;
  title: string;
  kind: StudentExerciseSummary['kind'];
  points: number;
  /** Points earned (best score × points); null when hidden or nothing graded. */
  earned: number | null;
  status: StudentExerciseSummary['status'];
  attempts: number;
  maxAttempts: number | null;
  pointsPerAttempt: number[] | null;
}

export interface StudentAssessment {
  slug: string;
  title: string;
  type: 'homework' | 'exam';
  releaseAt: string | null;
  /** The student's due date (their override applied). */
  dueAt: string | null;
  /** The due date is the student's own (an override gave them a later one, or more time). */
  extended: boolean;
  extensionReason: string | null;
  timeLimitMinutes: number | null;
  /** The student's time limit, their factor and extra minutes applied. */
  effectiveTimeLimitMinutes: number | null;
  honorCode: boolean;
  passwordRequired: boolean;
  status: AssessmentStatus;
  /** An exam instance's end by the clock (or when it was finished); null: none. */
  endsAt: string | null;
  timeLeftMs: number | null;
  /** Points earned; null while an exam's scores are not released. */
  score: number | null;
  maxPoints: number;
  scoresHidden: boolean;
  /** The credit now: 0..1, or null (the course's late policy, or closed). */
  creditNow: number | null;
  timeline: { from: string | null; until: string | null; credit: number | null; phase: TimelineStep['phase'] }[];
  /** The questions (an exam's only once started). */
  questions: StudentQuestion[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Points an exercise is worth in a course: the course's setting, else the exercise's own. */
async function pointsOf(db: Database, row: StudentExerciseSummary): Promise<number> {
  return row.points ?? (await resolveExercise(db, row))?.exercise.points ?? 1;
}

/**
 * A student's assessments in a course as they see them now: their overrides applied, pools drawn (recorded on first
 * view; an exam's at its start), status, time left, score (an exam's only once released).
 */
export async function studentAssessments(db: Database, course: CurrentCourse, userId: string, now: Date): Promise<StudentAssessment[]> {
  const [assessments, summaries, overrides, instances] = await Promise.all([
    listAssessments(db, course.id),
    studentExerciseSummaries(db, userId, course.id),
    listOverridesForStudent(db, course.id, userId),
    listInstancesOfUser(db, course.id, userId),
  ]);
  const byId = new Map(summaries.map((s) => [s.exerciseId, s]));
  const out: StudentAssessment[] = [];
  for (const assessment of assessments.filter((a) => a.published)) {
    const instance = instances.find((i) => i.assessmentId === assessment.id);
    out.push(await viewOf(db, assessment, byId, overridesOf(overrides, assessment.id), instance, userId, course.section, now));
  }
  return out;
}

async function viewOf(
  db: Database,
  assessment: AssessmentRow,
  summaries: Map<string, StudentExerciseSummary>,
  overrides: Awaited<ReturnType<typeof listOverridesForStudent>>,
  instance: AssessmentInstance | undefined,
  userId: string,
  section: string | null,
  now: Date,
): Promise<StudentAssessment> {
  const timing = timingOf(assessment);
  const override = overrideFor(overrides, userId, section);
  const step = creditAt(timing, now, override);
  const exam = assessment.type === 'exam';
  const state = exam && instance ? instanceState(timing, instance, now, override) : null;
  const status: AssessmentStatus =
    step.phase === 'not-released'
      ? 'not-released'
      : exam
        ? state
          ? state.open
            ? 'in-progress'
            : 'finished'
          : step.phase === 'open'
            ? 'not-started'
            : 'closed'
        : step.phase === 'view-only'
          ? 'closed'
          : step.phase;
  // Questions: none before release; an exam's once started. Pools are drawn (and recorded) the first time they show.
  const showQuestions = status !== 'not-released' && (!exam || instance !== undefined);
  const pools = assessment.slots.filter(isPool);
  const draws = showQuestions ? await ensureDraws(db, userId, pools, (slotId) => newDraw(pools.find((p) => p.id === slotId)!)) : new Map();
  const scoresHidden = exam && (assessment.scoresReleasedAt === null || assessment.scoresReleasedAt.getTime() > now.getTime());
  const questions: StudentQuestion[] = [];
  let maxPoints = 0;
  let score = 0;
  for (const [slotIndex, slot] of assessment.slots.entries()) {
    const ids = isPool(slot) ? (draws.get(slot.id) ?? poolUnits(slot).slice(0, slot.choose).flat()) : slot.exerciseIds;
    for (const exerciseId of ids) {
      const summary = summaries.get(exerciseId);
      if (!summary) continue; // unpublished: not the student's
      const points = slot.points ?? (await pointsOf(db, summary));
      maxPoints += points;
      const earned = summary.bestScore === null ? null : summary.bestScore * points;
      score += earned ?? 0;
      if (showQuestions)
        questions.push({
          number: questions.length + 1,
          slot: slotIndex + 1,
          exercise: summary.slug,
          title: summary.title,
          kind: summary.kind,
          points,
          earned: scoresHidden ? null : earned,
          status: summary.status,
          attempts: summary.attempts,
          maxAttempts: slot.pointsPerAttempt ? slot.pointsPerAttempt.length : summary.maxAttempts,
          pointsPerAttempt: slot.pointsPerAttempt,
        });
    }
  }
  const due = effectiveDueAt(timing, override);
  const factor = override?.timeFactor ?? 1;
  const extra = override?.extraMinutes ?? 0;
  const endsAt = state?.endsAt ?? null;
  return {
    slug: assessment.slug,
    title: assessment.title,
    type: assessment.type,
    releaseAt: iso(assessment.releaseAt),
    dueAt: iso(due),
    extended: isExtended(timing, override),
    extensionReason: override && isExtended(timing, override) ? override.reason : null,
    timeLimitMinutes: assessment.timeLimitMinutes,
    effectiveTimeLimitMinutes: assessment.timeLimitMinutes === null ? null : Math.round(assessment.timeLimitMinutes * factor + extra),
    honorCode: assessment.honorCode,
    passwordRequired: assessment.passwordHash !== null,
    status,
    endsAt: iso(endsAt),
    timeLeftMs: state?.open && endsAt ? Math.max(0, endsAt.getTime() - now.getTime()) : null,
    score: scoresHidden ? null : Math.round(score * 100) / 100,
    maxPoints: Math.round(maxPoints * 100) / 100,
    scoresHidden,
    creditNow: step.phase === 'view-only' || step.phase === 'not-released' ? null : step.credit,
    timeline: creditTimeline(timing, override).map((s) => ({ from: iso(s.from), until: iso(s.until), credit: s.credit, phase: s.phase })),
    questions,
  };
}
