import 'server-only';
import { selectVersionFolder, type Database, type ExerciseSource } from '@deltalab/db';
import {
  findExercise,
  instantiateVariant,
  solveVariant,
  type Exercise,
  type StudentVariant,
  type VariantSelector,
} from '@deltalab/exercises';
import { authoringCrashProblem, type ExerciseFolder, type FolderReference } from '@deltalab/grader';
import { gradingPool } from '../grading/startGrading';

/**
 * An exercise as the site uses it. A catalogue exercise is the loaded folder from exercises/content (its code runs
 * here: it is the repository's own). A site-authored one is its version's stored snapshot (plain data: title,
 * fields, tolerances, limits… no functions) plus its folder, which only grading child processes compile and run.
 */
export type ResolvedExercise = { exercise: Exercise; folder: ExerciseFolder | null };

type VersionEntry = { folder: ExerciseFolder; snapshot: Exercise };
// Versions never change: each is read once per process.
const holder = globalThis as typeof globalThis & { __deltalabVersionFolders?: Map<string, Promise<VersionEntry | null>> };
const MAX_VERSIONS = 512;

/** A version's stored folder and snapshot (null for a catalogue version), read once per process. */
export function versionFolder(db: Database, versionId: string): Promise<VersionEntry | null> {
  const cache = (holder.__deltalabVersionFolders ??= new Map());
  let entry = cache.get(versionId);
  if (!entry) {
    entry = selectVersionFolder(db, versionId).then((row) =>
      row?.files ? { folder: { hash: row.contentHash, files: row.files }, snapshot: row.definition as Exercise } : null,
    );
    entry.catch(() => cache.delete(versionId));
    if (cache.size >= MAX_VERSIONS) cache.delete(cache.keys().next().value as string);
    cache.set(versionId, entry);
  }
  return entry;
}

/** The exercise of a course row (its current version unless another is named); null when it cannot be found. */
export async function resolveExercise(
  db: Database,
  row: { slug: string; source?: ExerciseSource; currentVersionId: string | null },
  versionId: string | null = row.currentVersionId,
): Promise<ResolvedExercise | null> {
  if (row.source !== 'site') {
    const exercise = findExercise(row.slug);
    return exercise ? { exercise, folder: null } : null;
  }
  if (!versionId) return null;
  const entry = await versionFolder(db, versionId);
  return entry ? { exercise: entry.snapshot, folder: entry.folder } : null;
}

type Instantiated = { variant: StudentVariant; reference: FolderReference };
const variants = new Map<string, Promise<Instantiated>>();
const MAX_VARIANTS = 4096;

/** An authored folder's variant from a grading child (cached: a version's variant never changes). */
function instantiateInChild(folder: ExerciseFolder, variant: VariantSelector): Promise<Instantiated> {
  const key = `${folder.hash}#${variant}`;
  let hit = variants.get(key);
  if (!hit) {
    hit = gradingPool()
      .author({ kind: 'instantiate', folder, variant }, { timeLimitMs: 10_000 })
      .then((reply) => {
        if (reply.kind !== 'done') throw new Error(authoringCrashProblem(reply).message);
        if (reply.outcome.kind !== 'instantiated')
          throw new Error(reply.outcome.kind === 'invalid' ? reply.outcome.message : 'unexpected reply');
        return { variant: reply.outcome.variant, reference: reply.outcome.reference };
      });
    hit.catch(() => variants.delete(key));
    if (variants.size >= MAX_VARIANTS) variants.delete(variants.keys().next().value as string);
    variants.set(key, hit);
  }
  return hit;
}

/** What a student on this variant is shown. */
export async function studentVariantOf(resolved: ResolvedExercise, variant: VariantSelector): Promise<StudentVariant> {
  if (!resolved.folder) return instantiateVariant(resolved.exercise, variant);
  return (await instantiateInChild(resolved.folder, variant)).variant;
}

/** The reference's answers for a variant, for instructors only. */
export async function referenceOf(resolved: ResolvedExercise, variant: VariantSelector): Promise<FolderReference> {
  if (resolved.folder) return (await instantiateInChild(resolved.folder, variant)).reference;
  const exercise = resolved.exercise;
  switch (exercise.kind) {
    case 'numeric': {
      const solution = solveVariant(exercise, variant);
      const values = solution.kind === 'numeric' ? solution.values : {};
      return {
        kind: 'numeric',
        values: exercise.fields.map((f) => ({
          name: f.name,
          label: f.label,
          value: values[f.name] ?? Number.NaN,
          ...(f.kind === 'expression' ? { expression: f.answer } : {}),
        })),
      };
    }
    case 'choice':
      return { kind: 'choice', correct: exercise.options.filter((o) => o.correct).map((o) => o.id) };
    case 'code':
      return { kind: 'code', solutionSource: exercise.solutionSource ?? null };
    case 'challenge':
      return { kind: 'challenge' };
  }
}
