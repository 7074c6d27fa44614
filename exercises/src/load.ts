import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { registry as defaultRegistry } from '../content/index';
import { topics, type ExerciseDefinition } from './definition';
import { exerciseDefinitionSchema } from './definitionSchema';
import { statementPlaceholders } from './statement';

/** A validated exercise with the text files of its folder. */
export type Exercise = ExerciseDefinition & {
  /** Folder relative to the content dir, e.g. 'backprop/backprop-mazur'. */
  dir: string;
  /** statement.md with {{placeholders}} unfilled. */
  statementTemplate: string;
  /** Stable hash of the folder's files: the exercise version recorded with every grade. */
  contentHash: string;
  /** Code kinds: solution.ts (full marks) and known-wrong.ts (zero, diagnosed as knownWrongMistake) as source text. */
  solutionSource?: string;
  knownWrongSource?: string;
};

/** A folder under content/ and its definition: one line of the generated registry, content/index.ts. */
export interface RegistryEntry {
  /** '<topic>/<slug>', relative to content/. */
  dir: string;
  definition: ExerciseDefinition;
}

/**
 * Where content/<topic>/<slug>/ folders live. DELTALAB_EXERCISES_DIR overrides (e.g. a Next.js server bundle whose
 * import.meta.url does not point at the source tree); otherwise next to this file, then relative to the cwd.
 */
export function exercisesContentDir(): string {
  const override = process.env.DELTALAB_EXERCISES_DIR;
  if (override) return path.resolve(override);
  const candidates: string[] = [];
  try {
    // Not `new URL('../content/', import.meta.url)`: bundlers (webpack, Turbopack) treat that pattern as an asset
    // import and try to bundle the directory.
    candidates.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../content'));
  } catch {
    // import.meta.url is not a file: URL inside some bundles; fall through to cwd-based guesses.
  }
  candidates.push(path.resolve(process.cwd(), 'exercises/content'), path.resolve(process.cwd(), '../exercises/content'));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.ts')));
  if (!found) {
    throw new Error(`exercises content dir not found (tried ${candidates.join(', ')}); set DELTALAB_EXERCISES_DIR`);
  }
  return found;
}

export class ExerciseLoadError extends Error {
  constructor(
    readonly folder: string,
    detail: string,
  ) {
    super(`Invalid exercise ${folder}: ${detail}`);
    this.name = 'ExerciseLoadError';
  }
}

function readText(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * An exercise folder's own test (exercise.test.ts) checks the exercise but is no part of it: not in its content hash (a
 * new assertion is no new version), not in what the site exports or stores.
 */
function isExerciseTestFile(name: string): boolean {
  return name.endsWith('.test.ts');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .filter((name) => !isExerciseTestFile(name))
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full).map((f) => path.join(name, f)) : [name];
    });
}

export function hashFolder(dir: string): string {
  return hashFiles(Object.fromEntries(listFiles(dir).map((file) => [file.split(path.sep).join('/'), readFileSync(path.join(dir, file))])));
}

/**
 * The content hash of a folder given as file name → contents: the same hash `hashFolder` gives the folder on disk, so a
 * site-authored exercise exported into content/ keeps its version.
 */
export function hashFiles(files: Record<string, string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(name);
    hash.update('\u0000');
    hash.update(files[name]!);
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A catalogue exercise's folder (`dir` as in Exercise.dir) as name → text, the way the site stores an exercise: every
 * file but its test. hashFiles of it is the loader's contentHash.
 */
export function exerciseFolderFiles(dir: string): Record<string, string> {
  const folder = path.join(exercisesContentDir(), dir);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => !isExerciseTestFile(name))
      .map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]),
  );
}

/** The files an exercise folder may hold (a site-authored exercise holds exactly these). */
export const exerciseFileNames = [
  'statement.md',
  'definition.ts',
  'reference.ts',
  'variants.ts',
  'starter.ts',
  'cases.ts',
  'mistakes.ts',
  'solution.ts',
  'known-wrong.ts',
] as const;
export type ExerciseFileName = (typeof exerciseFileNames)[number];

/**
 * An exercise from its definition (definition.ts's default export, already evaluated) and its folder's text files:
 * the checks of the definition's data and files, without calling any of its functions (an authored exercise's
 * functions run only in the grader's isolates, whose Validate checks display() on many variants). Throws
 * ExerciseLoadError naming `folder` and the file at fault.
 */
export function exerciseFromFiles(
  definition: unknown,
  files: Record<string, string>,
  folder: string,
  contentHash = hashFiles(files),
): Exercise {
  const fail = (detail: string): never => {
    throw new ExerciseLoadError(folder, detail);
  };
  const parsed = exerciseDefinitionSchema.safeParse(definition);
  if (!parsed.success) fail(`definition.ts: ${z.prettifyError(parsed.error)}`);
  const valid = definition as ExerciseDefinition;
  const statementTemplate = files['statement.md'] ?? fail('statement.md is missing');
  const exercise: Exercise = { ...valid, dir: `${valid.topic}/${valid.slug}`, statementTemplate, contentHash };
  if (valid.kind === 'code') {
    exercise.solutionSource = files['solution.ts'] ?? fail('solution.ts is missing (code exercise)');
    exercise.knownWrongSource = files['known-wrong.ts'] ?? fail('known-wrong.ts is missing (code exercise)');
  }
  return exercise;
}

function loadOne(entry: RegistryEntry, contentDir: string): Exercise {
  const folder = path.join(contentDir, entry.dir);
  if (!existsSync(folder)) throw new ExerciseLoadError(folder, 'folder does not exist');
  const definition = entry.definition;
  const parsed = exerciseDefinitionSchema.safeParse(definition);
  if (!parsed.success) throw new ExerciseLoadError(folder, `definition.ts: ${z.prettifyError(parsed.error)}`);
  const expectedDir = `${definition.topic}/${definition.slug}`;
  if (entry.dir !== expectedDir) throw new ExerciseLoadError(folder, `definition.ts: folder must be content/${expectedDir} (topic/slug)`);
  // Literal file names: a bundler (Next's) traces these reads instead of the whole project.
  const texts: Record<string, string> = {};
  const statement = readText(path.join(folder, 'statement.md'));
  const solution = readText(path.join(folder, 'solution.ts'));
  const knownWrong = readText(path.join(folder, 'known-wrong.ts'));
  if (statement !== undefined) texts['statement.md'] = statement;
  if (solution !== undefined) texts['solution.ts'] = solution;
  if (knownWrong !== undefined) texts['known-wrong.ts'] = knownWrong;
  const exercise = exerciseFromFiles(definition, texts, folder, hashFolder(folder));
  const display = definition.variants.display(definition.variants.canonical);
  const missing = statementPlaceholders(exercise.statementTemplate).filter((name) => !(name in display));
  if (missing.length > 0)
    throw new ExerciseLoadError(folder, `statement.md uses {{${missing.join('}}, {{')}}} but variants.display() does not provide it`);
  return exercise;
}

const topicIndex = new Map<string, number>(topics.map((t, i) => [t.id, i]));

/** Validates and sorts (topic order of the notes, then `order`). Throws ExerciseLoadError naming the folder. */
export function loadExercisesFrom(registry: readonly RegistryEntry[], contentDir: string): Exercise[] {
  const exercises = registry.map((entry) => loadOne(entry, contentDir));
  const slugs = new Set<string>();
  for (const exercise of exercises) {
    if (slugs.has(exercise.slug)) throw new ExerciseLoadError(path.join(contentDir, exercise.dir), `duplicate slug ${exercise.slug}`);
    slugs.add(exercise.slug);
  }
  return exercises.sort(
    (a, b) => (topicIndex.get(a.topic) ?? 0) - (topicIndex.get(b.topic) ?? 0) || a.order - b.order || a.slug.localeCompare(b.slug),
  );
}

let cache: Exercise[] | undefined;

/** Every exercise, validated, in the order of the notes. Cached per process. */
export function loadExercises(): Exercise[] {
  cache ??= loadExercisesFrom(defaultRegistry, exercisesContentDir());
  return cache;
}

/** The exercise with this slug; throws a specific error for an unknown slug. */
export function getExercise(slug: string): Exercise {
  const exercise = loadExercises().find((e) => e.slug === slug);
  if (!exercise) throw new Error(`unknown exercise '${slug}'`);
  return exercise;
}

/** Like getExercise, but undefined for an unknown slug. */
export function findExercise(slug: string): Exercise | undefined {
  return loadExercises().find((e) => e.slug === slug);
}
