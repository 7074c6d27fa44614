import { selectCourseExerciseBySlug, type Database } from '@deltalab/db';
import { exerciseFileNames, exerciseFolderFiles, findExercise } from '@deltalab/exercises';
import { readTarGz, writeTarGz } from '@/lib/tarArchive';
import { resolveExercise } from '@/server/exercises/resolveExercise';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { saveExerciseDraft } from './authorExercise';

/**
 * An exercise of the course as `<topic>/<slug>/…` in a .tar.gz: unpacked in exercises/content/ it is a catalogue
 * folder (`npm run registry -w @deltalab/exercises` lists it in content/index.ts). A site-authored exercise exports
 * its current version's files, a catalogue one its folder.
 */
export async function exportExerciseArchive(
  db: Database,
  course: CurrentCourse,
  slug: string,
): Promise<{ fileName: string; archive: Buffer }> {
  const row = await selectCourseExerciseBySlug(db, course.id, slug);
  const resolved = row ? await resolveExercise(db, row) : null;
  if (!row || !resolved) throw new SubmissionError('unknown-exercise', `Unknown exercise '${slug}' in ${course.title}.`);
  // A catalogue folder without its test (exercise.test.ts): an import would refuse it.
  const files = resolved.folder ? resolved.folder.files : exerciseFolderFiles(findExercise(slug)!.dir);
  const prefix = `${resolved.exercise.topic}/${slug}`;
  return {
    fileName: `${slug}.tar.gz`,
    archive: writeTarGz(Object.fromEntries(Object.entries(files).map(([name, text]) => [`${prefix}/${name}`, text]))),
  };
}

/**
 * Imports an exported folder (`<topic>/<slug>/files` or the files alone) as a draft under `slug` (the archive's
 * folder name unless given): its files are kept as they are and edited as files. Validate and publish as usual.
 */
export async function importExerciseArchive(db: Database, course: CurrentCourse, userId: string, archive: Uint8Array, slug?: string) {
  let entries: Record<string, string>;
  try {
    entries = readTarGz(archive);
  } catch (error) {
    throw new SubmissionError('invalid-request', (error as Error).message);
  }
  const files: Record<string, string> = {};
  let folderSlug: string | undefined;
  for (const [entry, text] of Object.entries(entries)) {
    const parts = entry.split('/').filter(Boolean);
    const name = parts[parts.length - 1]!;
    if (!(exerciseFileNames as readonly string[]).includes(name)) {
      throw new SubmissionError(
        'invalid-request',
        `The archive holds ${entry}: an exercise folder holds only ${exerciseFileNames.join(', ')}.`,
      );
    }
    if (parts.length >= 2) folderSlug ??= parts[parts.length - 2];
    files[name] = text;
  }
  const target = slug ?? folderSlug ?? /slug:\s*['"]([a-z0-9-]+)['"]/.exec(files['definition.ts'] ?? '')?.[1];
  if (!target) throw new SubmissionError('invalid-request', 'Name the slug: the archive has no folder name and definition.ts names none.');
  // The definition names its slug: an import under another one renames it there.
  if (files['definition.ts']) files['definition.ts'] = files['definition.ts'].replace(/slug:\s*['"][a-z0-9-]+['"]/, `slug: '${target}'`);
  return saveExerciseDraft(db, course, userId, { kind: 'files', slug: target, files });
}
