import { ensureDraws, selectAssessmentFacts, type CourseExerciseRow, type Database, type SubmissionAssessmentFacts } from '@deltalab/db';
import { creditAt, effectiveDueAt, instanceState, isPool, overrideFor } from '@/lib/assessmentRules';
import { formatDateTime } from '@/lib/format';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { newDraw, timingOf } from './assessmentTiming';

/** What an exercise's assessment decides for a submission to it. */
export interface AssessmentSubmissionRules {
  /** The student's due date (their override applied; the assessment's, else the exercise's). */
  dueAt: Date | null;
  /** The credit its timeline gives now (0..1); null: the course's late policy decides, as before assessments. */
  credit: number | null;
  /** The slot's limit (the length of its points per attempt) where stricter than the exercise's. */
  maxAttempts: number | null;
}

const closedReasons = { finished: 'you finished it', 'time-limit': 'its time limit was reached', deadline: 'its deadline passed' } as const;

/**
 * The assessment checks of the submit path, before anything is stored (so a refusal never uses an attempt): the
 * exercise's assessment is released, a pool's exercise is one the student drew, an exam's instance is started and still
 * open by the server's clock, the timeline still takes submissions. Undefined: the exercise is in no assessment (or
 * staff try it), and the course's rules alone apply. `assessmentSlug` is the one the request named, if any.
 */
export async function assessmentSubmissionRules(
  db: Database,
  input: {
    course: CurrentCourse;
    userId: string;
    courseExercise: CourseExerciseRow;
    assessmentSlug: string | undefined;
    staffTrial: boolean;
    now: Date;
    /** The exercise's assessment and the student's overrides, instance and draw, read with the submission context. */
    facts: SubmissionAssessmentFacts | null;
  },
): Promise<AssessmentSubmissionRules | undefined> {
  const { course, userId, courseExercise, now } = input;
  const found = input.facts;
  if (input.assessmentSlug !== undefined && found?.assessment.slug !== input.assessmentSlug) {
    throw new SubmissionError(
      'unknown-exercise',
      `'${courseExercise.slug}' is not a question of assessment '${input.assessmentSlug}' in ${course.title}.`,
    );
  }
  if (!found || input.staffTrial) return undefined;
  const { assessment, slot } = found;
  const at = (date: Date) => formatDateTime(date, course.timeZone);
  // The editor writes an assessment's due date onto its exercises, so an exercise's own is the one to go by (as before).
  const timing = { ...timingOf(assessment), dueAt: courseExercise.dueAt ?? assessment.dueAt };
  const override = overrideFor(found.overrides, userId, course.section);
  const step = creditAt(timing, now, override);
  if (!assessment.published || step.phase === 'not-released') {
    throw new SubmissionError(
      'not-released',
      assessment.releaseAt && assessment.published
        ? `'${assessment.title}' opens ${at(assessment.releaseAt)}: nothing was stored.`
        : `'${assessment.title}' is not open yet: nothing was stored.`,
    );
  }
  if (assessment.type === 'exam') {
    const instance = found.instance;
    if (!instance)
      throw new SubmissionError(
        'not-started',
        `Start '${assessment.title}' first: its questions take answers once you have started it. Nothing was stored.`,
      );
    const state = instanceState(timing, instance, now, override);
    if (!state.open) {
      throw new SubmissionError(
        'assessment-closed',
        `'${assessment.title}' ended ${at(state.endsAt!)} (${closedReasons[state.reason!]}): this answer was not stored and used no attempt.`,
      );
    }
  } else if (step.phase === 'view-only') {
    throw new SubmissionError(
      'assessment-closed',
      `'${assessment.title}' took submissions until ${at(step.from!)}; it is view-only now: this answer was not stored and used no attempt.`,
    );
  }
  // A pool gives each student some of its exercises: the others are not theirs to answer.
  if (isPool(slot)) {
    // Drawn on the student's first visit; drawn now if they submit without one (an API client).
    const drawn = found.drawnExerciseIds ?? (await ensureDraws(db, userId, [slot], () => newDraw(slot))).get(slot.id) ?? [];
    if (!drawn.includes(courseExercise.exerciseId))
      throw new SubmissionError('unknown-exercise', `'${courseExercise.slug}' is not one of your questions in '${assessment.title}'.`);
  }
  const listLimit = slot.pointsPerAttempt ? slot.pointsPerAttempt.length : null;
  const limits = [listLimit, courseExercise.maxAttempts].filter((n): n is number => n !== null);
  return {
    dueAt: effectiveDueAt(timing, override),
    credit: step.credit === null && (assessment.type === 'exam' || assessment.lateDeadlines.length > 0) ? 1 : step.credit,
    maxAttempts: limits.length > 0 ? Math.min(...limits) : null,
  };
}

/**
 * Whether a student may see an exercise at all: not an exam's question before they started it, not a pool's exercise
 * they did not draw, nothing of an assessment before its release. Staff see everything (they preview).
 */
export async function studentMaySee(db: Database, course: CurrentCourse, userId: string, exerciseId: string, now: Date): Promise<boolean> {
  const found = await selectAssessmentFacts(db, course.id, exerciseId, userId);
  if (!found) return true;
  const { assessment, slot } = found;
  if (!assessment.published) return false;
  const override = overrideFor(found.overrides, userId, course.section);
  if (creditAt(timingOf(assessment), now, override).phase === 'not-released') return false;
  if (assessment.type === 'exam' && !found.instance) return false;
  if (isPool(slot)) {
    // Drawn on the first visit (and recorded): the same draw on every visit after.
    const drawn = found.drawnExerciseIds ?? (await ensureDraws(db, userId, [slot], () => newDraw(slot))).get(slot.id) ?? [];
    return drawn.includes(exerciseId);
  }
  return true;
}
