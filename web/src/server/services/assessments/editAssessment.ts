import { z } from 'zod';
import {
  AssessmentConflictError,
  insertAssessment,
  listCourseExercises,
  selectAssessmentBySlug,
  setAssessmentScoresReleased,
  updateAssessment,
  upsertCourseExercise,
  type AssessmentInput,
  type Database,
} from '@deltalab/db';
import { poolUnits } from '@/lib/assessmentRules';
import { afterCourseGradesChanged } from '../../lti/gradePassback';
import { hashPassword } from '../auth/passwords';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

const isoDate = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field}: an ISO date-time with its zone, e.g. 2026-05-01T23:59:00Z` });
const slug = z
  .string({ error: 'slug: lower-case letters, digits and dashes' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'slug: lower-case letters, digits and dashes, at most 64');

const visibility = z.enum(['immediately', 'after-due', 'never'], { error: 'immediately, after-due or never' });

const slotInput = z
  .object({
    exercises: z
      .array(z.string().max(100), { error: 'exercises: a list of exercise slugs' })
      .min(1, 'a slot has at least one exercise')
      .max(50),
    /** Per exercise, its group: a pool draws a group's exercises together (PrairieLearn #11754); null: alone. */
    groups: z
      .array(z.number().int('groups: whole numbers').min(1, 'groups: numbers from 1').max(100).nullable(), {
        error: 'groups: a group number (or null) per exercise, e.g. [1, 1, 2, 2]',
      })
      .max(50)
      .optional(),
    choose: z.number().int('choose: a whole number').min(1, 'choose: at least 1').optional(),
    points: z.number({ error: 'points: a number' }).min(0).max(1000).nullable().optional(),
    pointsPerAttempt: z
      .array(z.number().min(0).max(1000), { error: 'pointsPerAttempt: a list of points, e.g. [10, 7, 5]' })
      .min(1)
      .max(20)
      .nullable()
      .optional(),
    /** The slot's exercise settings, written onto each of its exercises (left out: they keep theirs). */
    maxAttempts: z.number().int('maxAttempts: a whole number').min(1).max(1000).nullable().optional(),
    decayPercent: z.number().min(0).max(100, 'decayPercent: 0 to 100').optional(),
    showScore: visibility.optional(),
    showFeedback: visibility.optional(),
    showAnswers: visibility.optional(),
  })
  .strict();

/** The editor's body (POST /api/instructor/assessments, PUT …/:slug). Dates are ISO with their zone. */
const assessmentRequest = z
  .object({
    slug,
    title: z.string({ error: 'title: text' }).trim().min(1, 'title: give a title').max(200),
    type: z.enum(['homework', 'exam'], { error: 'type: homework or exam' }),
    releaseAt: isoDate('releaseAt').nullable().optional(),
    dueAt: isoDate('dueAt').nullable().optional(),
    lateDeadlines: z
      .array(z.object({ until: isoDate('lateDeadlines.until'), credit: z.number().min(0).max(1, 'credit: 0 to 1') }).strict())
      .max(10)
      .optional(),
    afterLastDeadline: z.enum(['view-only', 'zero']).optional(),
    timeLimitMinutes: z
      .number()
      .int('timeLimitMinutes: whole minutes')
      .min(1)
      .max(24 * 60)
      .nullable()
      .optional(),
    /** Text sets it, null removes it, left out keeps it. */
    password: z.string().min(1).max(200).nullable().optional(),
    honorCode: z.boolean().optional(),
    published: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    slots: z.array(slotInput).max(100),
    /** What an export writes beside the rest (read-only here: an import leaves them be). */
    passwordSet: z.boolean().optional(),
    scoresReleasedAt: z.string().max(40).nullable().optional(),
  })
  .strict();

/**
 * A slot's group numbers, checked: one per exercise, each group two or more exercises, every unit drawn (group or single
 * exercise) the same size, so that each student gets as many questions as the others.
 */
function checkGroups(slot: z.infer<typeof slotInput>, index: number): (number | null)[] {
  const given = slot.groups ?? [];
  if (slot.groups && given.length !== slot.exercises.length)
    throw invalid(
      `slots.${index}.groups: one group number (or null) per exercise: ${slot.exercises.length} exercises, ${given.length} numbers.`,
    );
  const groups = slot.exercises.map((_, i) => given[i] ?? null);
  const alone = groups.findIndex((g) => g !== null && groups.filter((other) => other === g).length === 1);
  if (alone >= 0)
    throw invalid(
      `slots.${index}.groups: group ${groups[alone]} holds only '${slot.exercises[alone]}': a group draws two or more exercises together (give it no number to draw it alone).`,
    );
  const units = poolUnits({ exerciseIds: slot.exercises, exerciseGroups: groups });
  const sizes = new Set(units.map((unit) => unit.length));
  if (sizes.size > 1)
    throw invalid(
      `slots.${index}.groups: the pool's groups differ in size (${units.map((unit) => unit.length).join(', ')} exercises): every student must get as many questions.`,
    );
  return groups;
}

/**
 * A refusal whose message starts with the field it concerns (`slots.2.choose: …`): the API answers the field too, so the
 * editor's form shows the message beside it.
 */
function invalid(message: string): SubmissionError {
  const field = /^([A-Za-z]+(?:\.[A-Za-z0-9]+)*): (.+)$/s.exec(message);
  return new SubmissionError('invalid-request', message, undefined, field ? { [field[1]!]: field[2]! } : undefined);
}

/** Zod's refusal: the first issue as the message, every field's first issue for the form. */
function refused(error: z.ZodError): never {
  const text = (issue: z.core.$ZodIssue) => {
    const path = issue.path.join('.');
    return path && !issue.message.startsWith(String(issue.path.at(-1))) ? `${path}: ${issue.message}` : issue.message;
  };
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (path && !(path in fields)) fields[path] = issue.message.replace(/^[\w.]+: /, '');
  }
  throw new SubmissionError('invalid-request', text(error.issues[0]!), undefined, Object.keys(fields).length ? fields : undefined);
}

/**
 * Creates (`existingSlug` undefined) or replaces an assessment from the editor's body. Refused with a specific message,
 * nothing stored: an exercise not in the course or unpublished, one in two slots (overlapping pools) or in another
 * assessment, choose more than a pool holds, late deadlines without a due date or before it, a time limit on homework.
 * The due date is written onto its exercises (their own due dates, which the submit path and dashboards read).
 */
export async function saveAssessment(db: Database, course: CurrentCourse, body: unknown, existingSlug?: string): Promise<{ slug: string }> {
  return writeAssessment(db, course, await prepareAssessment(db, course, body, existingSlug));
}

type Prepared = Awaited<ReturnType<typeof prepareAssessment>>;

/** Everything checked, nothing written: what writeAssessment stores. */
async function prepareAssessment(db: Database, course: CurrentCourse, body: unknown, existingSlug?: string) {
  const parsed = assessmentRequest.safeParse(body);
  if (!parsed.success) refused(parsed.error);
  const r = parsed.data;
  const existing = existingSlug ? await selectAssessmentBySlug(db, course.id, existingSlug) : undefined;
  if (existingSlug && !existing) throw new SubmissionError('not-found', `No assessment '${existingSlug.slice(0, 64)}' in ${course.title}.`);
  const exercises = new Map((await listCourseExercises(db, course.id, { includeUnpublished: true })).map((e) => [e.slug, e]));
  const seen = new Map<string, number>();
  const slots = r.slots.map((slot, index) => {
    const ids = slot.exercises.map((s) => {
      const exercise = exercises.get(s);
      if (!exercise) throw invalid(`slots.${index}: no exercise '${s.slice(0, 100)}' in ${course.title}.`);
      if (!exercise.published) throw invalid(`slots.${index}: '${s}' is not published: publish it before putting it in an assessment.`);
      const other = seen.get(s);
      if (other !== undefined) throw invalid(`slots.${index}: '${s}' is in slot ${other + 1} too: pools may not overlap.`);
      seen.set(s, index);
      return exercise.exerciseId;
    });
    const groups = checkGroups(slot, index);
    const units = poolUnits({ exerciseIds: slot.exercises, exerciseGroups: groups });
    if ((slot.choose ?? 1) > units.length && units.length > 1)
      throw invalid(
        `slots.${index}: choose ${slot.choose} of ${units.length}${units.length < ids.length ? ' groups' : ''}: a pool cannot give more than it holds.`,
      );
    const choose = Math.min(slot.choose ?? (units.length > 1 ? units.length : 1), units.length);
    if (units.length < ids.length && choose >= units.length)
      throw invalid(
        `slots.${index}: groups are drawn from a pool: choose fewer than its ${units.length} groups (or give no group numbers).`,
      );
    return {
      exerciseIds: ids,
      groups,
      choose,
      points: slot.points ?? null,
      pointsPerAttempt: slot.pointsPerAttempt ?? null,
    };
  });
  const due = r.dueAt ? new Date(r.dueAt) : null;
  const late = (r.lateDeadlines ?? []).map((d) => ({ until: new Date(d.until).toISOString(), credit: d.credit }));
  if (late.length > 0 && !due) throw invalid('lateDeadlines: set a due date first: late deadlines come after it.');
  for (const d of late)
    if (due && new Date(d.until).getTime() <= due.getTime())
      throw invalid(`lateDeadlines: ${d.until} is not after the due date ${due.toISOString()}.`);
  if (r.releaseAt && due && new Date(r.releaseAt).getTime() >= due.getTime())
    throw invalid('releaseAt: the release date comes before the due date.');
  if (r.type === 'homework' && r.timeLimitMinutes != null)
    throw invalid('timeLimitMinutes: a homework has no time limit; make it an exam.');
  const input: AssessmentInput = {
    courseId: course.id,
    slug: r.slug,
    title: r.title,
    type: r.type,
    position: r.position ?? existing?.position,
    releaseAt: r.releaseAt ? new Date(r.releaseAt) : null,
    dueAt: due,
    lateDeadlines: late.sort((a, b) => a.until.localeCompare(b.until)),
    afterLastDeadline: r.afterLastDeadline ?? 'view-only',
    timeLimitMinutes: r.timeLimitMinutes ?? null,
    passwordHash: r.password === undefined ? (existing?.passwordHash ?? null) : r.password === null ? null : await hashPassword(r.password),
    honorCode: r.honorCode ?? r.type === 'exam',
    published: r.published ?? true,
    slots,
  };
  return { input, existing, given: r.slots };
}

async function writeAssessment(
  db: Database,
  course: CurrentCourse,
  { input, existing, given: givenSlots }: Prepared,
): Promise<{ slug: string }> {
  const { slots, dueAt: due } = input;
  try {
    if (existing) await updateAssessment(db, existing.id, input);
    else await insertAssessment(db, input);
  } catch (error) {
    if (error instanceof AssessmentConflictError) throw new SubmissionError('conflict', error.message);
    throw error;
  }
  // The due date and the slot's settings live on its exercises' course rules, which the submit path and dashboards read.
  // An exam's scores and feedback stay hidden (on the exercise pages and the submission API too) until released.
  const hidden = input.type === 'exam' && !existing?.scoresReleasedAt ? ('never' as const) : undefined;
  for (const [index, slot] of slots.entries()) {
    const given = givenSlots[index]!;
    for (const exerciseId of slot.exerciseIds)
      await upsertCourseExercise(db, {
        courseId: course.id,
        exerciseId,
        dueAt: due,
        maxAttempts: given.maxAttempts,
        pointsDecayPerAttempt: given.decayPercent === undefined ? undefined : given.decayPercent / 100,
        showScore: hidden ?? given.showScore,
        showFeedback: hidden ?? given.showFeedback,
        showAnswers: hidden ?? given.showAnswers,
      });
  }
  return { slug: input.slug };
}

/**
 * Imports a course's assessments from the export (`{ assessments: [file…] }`, as GET /api/instructor/assessments gives
 * them): each created, or replaced where the course has its slug. Every file is checked before any is written; a
 * refusal names the file (`assessments.2: …`) and stores nothing.
 */
export async function importAssessments(db: Database, course: CurrentCourse, body: unknown): Promise<{ imported: string[] }> {
  const list = (body as { assessments?: unknown }).assessments;
  if (!Array.isArray(list) || list.length === 0 || list.length > 200)
    throw invalid('assessments: a list of 1 to 200 assessments, as GET /api/instructor/assessments exports them.');
  const slugs = new Set<string>();
  const prepared: Prepared[] = [];
  for (const [index, file] of list.entries()) {
    const slug = (file as { slug?: unknown } | null)?.slug;
    const existing =
      typeof slug === 'string' && /^[a-z0-9-]{1,64}$/.test(slug) ? await selectAssessmentBySlug(db, course.id, slug) : undefined;
    try {
      const one = await prepareAssessment(db, course, file, existing?.slug);
      if (slugs.has(one.input.slug)) throw invalid(`slug: '${one.input.slug}' is in the import twice.`);
      slugs.add(one.input.slug);
      prepared.push(one);
    } catch (error) {
      if (error instanceof SubmissionError) throw new SubmissionError(error.code, `assessments.${index}: ${error.message}`);
      throw error;
    }
  }
  const imported = [];
  for (const one of prepared) imported.push((await writeAssessment(db, course, one)).slug);
  return { imported };
}

/** Releases an exam's scores to its students now, or hides them again. */
export async function releaseScores(
  db: Database,
  course: CurrentCourse,
  slugText: string,
  body: unknown,
  now: Date,
): Promise<{ released: boolean }> {
  const parsed = z
    .object({ released: z.boolean({ error: 'released: true or false' }) })
    .strict()
    .safeParse(body);
  if (!parsed.success) refused(parsed.error);
  const assessment = /^[a-z0-9-]{1,64}$/.test(slugText) ? await selectAssessmentBySlug(db, course.id, slugText) : undefined;
  if (!assessment) throw new SubmissionError('not-found', `No assessment '${slugText.slice(0, 64)}' in ${course.title}.`);
  await setAssessmentScoresReleased(db, assessment.id, parsed.data.released ? now : null);
  // What the exercise pages and the submission API show of its questions follows.
  const shown = parsed.data.released ? ('immediately' as const) : ('never' as const);
  if (assessment.type === 'exam')
    for (const exerciseId of assessment.slots.flatMap((slot) => slot.exerciseIds))
      await upsertCourseExercise(db, { courseId: course.id, exerciseId, showScore: shown, showFeedback: shown, showAnswers: shown });
  // LTI: an exam's scores go to the LMS once released (held back as Pending before).
  if (assessment.type === 'exam') void afterCourseGradesChanged(db, course.id);
  return { released: parsed.data.released };
}
