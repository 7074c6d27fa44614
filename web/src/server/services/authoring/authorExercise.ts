import {
  listCourseExercises,
  publishAuthoredVersion,
  recordDraftValidation,
  saveAuthoringDraft,
  selectAuthoringDraft,
  selectOptionalExerciseBySlug,
  type AuthoringDraft,
  type Database,
  type ExerciseKind,
} from '@deltalab/db';
import { exerciseFileNames, findExercise, hashFiles } from '@deltalab/exercises';
import { authoringCrashProblem, type FolderValidation } from '@deltalab/grader';
import { gradingPool } from '@/server/grading/startGrading';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { authoringFormSchema, folderFiles } from './authoringForm';

/** Saves the form as the course's draft for that slug (nothing is validated or published yet). */
export async function saveExerciseDraft(db: Database, course: CurrentCourse, userId: string, body: unknown): Promise<AuthoringDraft> {
  const parsed = authoringFormSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SubmissionError(
      'invalid-request',
      `${issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid form'}`,
    );
  }
  const form = parsed.data;
  const files = folderFiles(form);
  const unknown = Object.keys(files).filter((name) => !(exerciseFileNames as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new SubmissionError('invalid-request', `files: ${unknown.join(', ')} is not an exercise file (${exerciseFileNames.join(', ')}).`);
  if (findExercise(form.slug)) throw new SubmissionError('conflict', `slug: '${form.slug}' is a catalogue exercise: choose another slug.`);
  const existing = await selectOptionalExerciseBySlug(db, form.slug);
  if (existing && !(await listCourseExercises(db, course.id, { includeUnpublished: true })).some((e) => e.exerciseId === existing.id)) {
    throw new SubmissionError('conflict', `slug: '${form.slug}' is taken by another course's exercise: choose another slug.`);
  }
  return saveAuthoringDraft(db, { courseId: course.id, slug: form.slug, files, form, updatedBy: userId }, hashFiles(files));
}

async function draftOf(db: Database, course: CurrentCourse, slug: string): Promise<AuthoringDraft> {
  const draft = await selectAuthoringDraft(db, course.id, slug);
  if (!draft) throw new SubmissionError('not-found', `No exercise draft '${slug}' in ${course.title}.`);
  return draft;
}

/**
 * Validate: the real grader, in a grading child process, on the canonical variant and 20 others (see the grader's
 * validateExerciseFolder). The report is kept with the draft for exactly these files.
 */
export async function validateExerciseDraft(db: Database, course: CurrentCourse, slug: string): Promise<FolderValidation> {
  const draft = await draftOf(db, course, slug);
  const hash = hashFiles(draft.files);
  const reply = await gradingPool().author({ kind: 'validate', folder: { hash, files: draft.files } }, { timeLimitMs: 120_000 });
  const validation: FolderValidation =
    reply.kind === 'done' && reply.outcome.kind === 'validated'
      ? reply.outcome.validation
      : {
          ok: false,
          hash,
          variantsChecked: 0,
          problems: [
            reply.kind === 'crashed'
              ? authoringCrashProblem(reply)
              : reply.outcome.kind === 'invalid'
                ? { file: reply.outcome.file, message: reply.outcome.message }
                : { file: 'definition.ts', message: 'unexpected reply' },
          ],
        };
  if (validation.ok && validation.snapshot?.slug !== slug) {
    validation.ok = false;
    validation.problems.push({
      file: 'definition.ts',
      message: `definition.ts names the slug '${String(validation.snapshot?.slug)}', not '${slug}'.`,
    });
  }
  await recordDraftValidation(db, draft.id, hash, validation);
  return validation;
}

/**
 * Publish: only a draft whose current files passed Validate. Makes the next version of the exercise (a first one
 * adds it to the course, shown to students; its settings can hide it); submissions made so far keep the version they
 * were graded on.
 */
export async function publishExerciseDraft(
  db: Database,
  course: CurrentCourse,
  userId: string,
  slug: string,
): Promise<{ exerciseId: string; versionNumber: number; created: boolean }> {
  const draft = await draftOf(db, course, slug);
  const hash = hashFiles(draft.files);
  const validation = draft.validation as FolderValidation | null;
  if (draft.validatedHash !== hash || !validation)
    throw new SubmissionError('conflict', 'Validate these files before publishing: they changed since the last validation.');
  if (!validation.ok || !validation.snapshot) {
    throw new SubmissionError(
      'conflict',
      `Validation refused these files: ${validation.problems.map((p) => `${p.file}: ${p.message}`).join(' ')}`,
    );
  }
  const snapshot = validation.snapshot as { title: string; topic: string; kind: ExerciseKind };
  const outcome = await publishAuthoredVersion(db, {
    courseId: course.id,
    slug,
    title: snapshot.title,
    topic: snapshot.topic,
    kind: snapshot.kind,
    contentHash: hash,
    files: draft.files,
    definition: validation.snapshot,
    createdBy: userId,
  });
  if (!outcome.ok) throw new SubmissionError('conflict', `'${slug}' is taken by another exercise: choose another slug.`);
  return { exerciseId: outcome.exerciseId, versionNumber: outcome.versionNumber, created: outcome.created };
}

/** What saving (POST /api/instructor/authoring) or importing a draft answers: its slug and file names (saving: validated yet?). */
export type SavedDraft = { slug: string; files: string[]; validated?: boolean };

/** POST /api/instructor/authoring/:slug/preview's answer: the variant and its answers, the statement rendered to HTML. */
export type DraftPreview = Awaited<ReturnType<typeof previewExerciseDraft>> & { statementHtml: string };

/** POST /api/instructor/authoring/:slug/publish's answer. */
export type PublishedVersion = Awaited<ReturnType<typeof publishExerciseDraft>>;

/**
 * Preview as a student, before or after publishing: any variant of the draft's files as a student sees it, with the
 * reference answers, computed in a grading child process.
 */
export async function previewExerciseDraft(db: Database, course: CurrentCourse, slug: string, variantInput: unknown) {
  const variant = variantInput === undefined || variantInput === 'canonical' ? 'canonical' : Number(variantInput);
  if (variant !== 'canonical' && !(Number.isInteger(variant) && variant >= 0 && variant <= 0xffffffff)) {
    throw new SubmissionError('invalid-request', 'variant: "canonical" or a seed from 0 to 4294967295.');
  }
  const draft = await draftOf(db, course, slug);
  const reply = await gradingPool().author(
    { kind: 'instantiate', folder: { hash: hashFiles(draft.files), files: draft.files }, variant },
    { timeLimitMs: 10_000 },
  );
  if (reply.kind !== 'done') throw new SubmissionError('conflict', authoringCrashProblem(reply).message);
  if (reply.outcome.kind !== 'instantiated')
    throw new SubmissionError('conflict', reply.outcome.kind === 'invalid' ? reply.outcome.message : 'unexpected reply');
  return { variant: reply.outcome.variant, reference: reply.outcome.reference };
}
