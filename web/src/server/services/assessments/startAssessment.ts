import { z } from 'zod';
import {
  ensureDraws,
  finishInstance,
  listOverridesForStudent,
  selectAssessmentBySlug,
  selectInstance,
  startInstance,
  type AssessmentRow,
  type Database,
} from '@deltalab/db';
import { creditAt, instanceState, isPool, overrideFor } from '@/lib/assessmentRules';
import { formatDateTime } from '@/lib/format';
import { verifyPassword } from '../auth/passwords';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { afterAssessmentProgress } from '../../lti/gradePassback';
import { SubmissionError } from '../submissions/submissionError';
import { newDraw, overridesOf, timingOf } from './assessmentTiming';

/** POST /api/assessments/:slug/start body. */
const startRequest = z
  .object({
    honorCode: z.boolean({ error: 'honorCode: tick the honor code (true) to start' }).optional(),
    password: z.string({ error: 'password must be text' }).max(200, 'password: at most 200 characters').optional(),
  })
  .strict();

export interface StartedAssessment {
  instanceId: string;
  startedAt: string;
  /** When it closes by the server's clock (null: never by the clock). */
  endsAt: string | null;
  /** Whether it is still open (a finished or timed-out instance is returned as it is). */
  open: boolean;
  slots: { slot: number; exercise: string }[];
}

/** A published assessment of the course by slug, or a 404 naming it. */
export async function requireAssessment(db: Database, course: CurrentCourse, slug: string): Promise<AssessmentRow> {
  const assessment = /^[a-z0-9-]{1,64}$/.test(slug) ? await selectAssessmentBySlug(db, course.id, slug) : undefined;
  if (!assessment || !assessment.published)
    throw new SubmissionError('not-found', `No assessment '${slug.slice(0, 64)}' in ${course.title}.`);
  return assessment;
}

async function studentContext(db: Database, course: CurrentCourse, userId: string, assessment: AssessmentRow) {
  const override = overrideFor(overridesOf(await listOverridesForStudent(db, course.id, userId), assessment.id), userId, course.section);
  return { timing: timingOf(assessment), override };
}

async function answerOf(
  db: Database,
  userId: string,
  assessment: AssessmentRow,
  instance: { id: string; startedAt: Date },
  state: { open: boolean; endsAt: Date | null },
): Promise<StartedAssessment> {
  const pools = assessment.slots.filter(isPool);
  const draws = await ensureDraws(db, userId, pools, (slotId) => newDraw(pools.find((p) => p.id === slotId)!));
  const slots = assessment.slots.flatMap((slot, index) => {
    const ids = isPool(slot) ? (draws.get(slot.id) ?? []) : slot.exerciseIds;
    return ids.map((id) => ({ slot: index + 1, exercise: slot.exerciseSlugs[slot.exerciseIds.indexOf(id)]! }));
  });
  return {
    instanceId: instance.id,
    startedAt: instance.startedAt.toISOString(),
    endsAt: state.endsAt?.toISOString() ?? null,
    open: state.open,
    slots,
  };
}

/**
 * A student starts an exam: the honor code ticked (when it asks for one), the password right (when it has one), before
 * its deadline. Starting again returns the same instance, whatever the body. Pools are drawn now, once.
 */
export async function startAssessment(
  db: Database,
  course: CurrentCourse,
  userId: string,
  slug: string,
  body: unknown,
  now: Date,
): Promise<StartedAssessment> {
  const assessment = await requireAssessment(db, course, slug);
  const parsed = startRequest.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SubmissionError('invalid-request', issue.path.length ? issue.message : `${issue.message}`);
  }
  if (assessment.type !== 'exam')
    throw new SubmissionError(
      'invalid-request',
      `'${assessment.title}' is a homework: it needs no start, open its questions on the course page.`,
    );
  const { timing, override } = await studentContext(db, course, userId, assessment);
  const existing = await selectInstance(db, assessment.id, userId);
  if (existing) return answerOf(db, userId, assessment, existing, instanceState(timing, existing, now, override));
  const at = (d: Date) => formatDateTime(d, course.timeZone);
  const step = creditAt(timing, now, override);
  if (step.phase === 'not-released')
    throw new SubmissionError('not-released', `'${assessment.title}' opens ${at(assessment.releaseAt!)}: it cannot be started yet.`);
  if (step.phase !== 'open')
    throw new SubmissionError('assessment-closed', `'${assessment.title}' closed ${at(step.from!)}: it can no longer be started.`);
  if (assessment.honorCode && parsed.data.honorCode !== true)
    throw new SubmissionError('invalid-request', `Tick the honor code to start '${assessment.title}': nothing was started.`, undefined, {
      honorCode: 'Tick the honor code to start.',
    });
  if (assessment.passwordHash) {
    if (!parsed.data.password)
      throw new SubmissionError('wrong-password', `'${assessment.title}' asks for a password: your proctor gives it.`, undefined, {
        password: 'Give the password.',
      });
    if (!(await verifyPassword(parsed.data.password, assessment.passwordHash)))
      throw new SubmissionError('wrong-password', `That is not the password of '${assessment.title}': nothing was started.`, undefined, {
        password: 'Not the password.',
      });
  }
  const { instance, created } = await startInstance(db, assessment.id, userId, now);
  // LTI: the assessment's line item learns the exam was started (never fails the start).
  if (created) void afterAssessmentProgress(db, course.id, userId);
  return answerOf(db, userId, assessment, instance, instanceState(timing, instance, now, override));
}

/** A student finishes their exam early: it closes now (finishing a closed one changes nothing). */
export async function finishAssessment(
  db: Database,
  course: CurrentCourse,
  userId: string,
  slug: string,
  now: Date,
): Promise<{ closedAt: string; reason: string }> {
  const assessment = await requireAssessment(db, course, slug);
  const instance = await selectInstance(db, assessment.id, userId);
  if (!instance) throw new SubmissionError('not-started', `You have not started '${assessment.title}': there is nothing to finish.`);
  const { timing, override } = await studentContext(db, course, userId, assessment);
  const state = instanceState(timing, instance, now, override);
  if (!state.open) return { closedAt: state.endsAt!.toISOString(), reason: state.reason! };
  const finished = await finishInstance(db, instance.id, now);
  void afterAssessmentProgress(db, course.id, userId); // LTI: the exam is Completed for the LMS
  return { closedAt: (finished?.closedAt ?? now).toISOString(), reason: 'finished' };
}
