import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import {
  exerciseFileNames,
  exerciseFromFiles,
  exercisesContentDir,
  ExerciseLoadError,
  hashFiles,
  type Exercise,
} from '@deltalab/exercises';

/**
 * An exercise folder authored in the site: file name → text, exactly the files of exercises/content/<topic>/<slug>/,
 * and their content hash (the version). Only grading child processes compile and run these.
 */
export type ExerciseFolder = { hash: string; files: Record<string, string> };

/** Thrown for a folder that does not compile or load: the message names the file at fault. */
export class ExerciseFolderError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExerciseFolderError';
  }
}

const NAMESPACE = 'exercise-folder';
const cache = new Map<string, Promise<Exercise>>();
const CACHE_SIZE = 64;

/**
 * Compiles a site-authored folder with esbuild and loads it the way the catalogue's folders load: definition.ts's
 * default export, validated by the same schema and checks (exerciseFromFiles). Cached by content hash: a version's
 * files never change. The folder is compiled as if it sat in content/<topic>/<slug>/, so `../../../src/…` reaches the
 * exercises package's helpers (defineExercise, runTf, formatNumber…), which stay the very modules the grader uses;
 * `@tensorflow/tfjs` is the same tfjs. Anything else it imports is refused.
 */
export function loadExerciseFolder(folder: ExerciseFolder): Promise<Exercise> {
  const hash = hashFiles(folder.files);
  if (hash !== folder.hash) {
    return Promise.reject(
      new ExerciseFolderError('(folder)', `The folder's files do not match its version ${folder.hash} (they hash to ${hash}).`),
    );
  }
  let loading = cache.get(hash);
  if (!loading) {
    loading = compileAndLoad(folder.files, hash);
    loading.catch(() => cache.delete(hash));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(hash, loading);
  }
  return loading;
}

function exercisesPackageDir(): string {
  return path.resolve(exercisesContentDir(), '..');
}

async function compileAndLoad(files: Record<string, string>, hash: string): Promise<Exercise> {
  const unknown = Object.keys(files).filter((name) => !(exerciseFileNames as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new ExerciseFolderError(unknown[0]!, `${unknown.join(', ')}: an exercise folder holds only ${exerciseFileNames.join(', ')}.`);
  if (files['definition.ts'] === undefined) throw new ExerciseFolderError('definition.ts', 'definition.ts is missing.');
  const packageDir = exercisesPackageDir();
  // Where the folder would sit once exported into content/: relative imports resolve from there.
  const virtualDir = path.join(packageDir, 'content', '_site', '_exercise');
  const srcDir = path.join(packageDir, 'src');
  const requireFromExercises = createRequire(path.join(packageDir, 'package.json'));

  const plugin: esbuild.Plugin = {
    name: 'exercise-folder',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: 'definition.ts', namespace: NAMESPACE };
        const from = args.importer || 'definition.ts';
        if (args.path === '@tensorflow/tfjs' || args.path === '@tensorflow/tfjs-core') {
          return { path: requireFromExercises.resolve(args.path), external: true };
        }
        if (args.path.startsWith('.')) {
          const target = path.resolve(virtualDir, args.path);
          if (path.dirname(target) === virtualDir) {
            const name = [path.basename(target), `${path.basename(target)}.ts`].find((n) => files[n] !== undefined);
            if (name) return { path: name, namespace: NAMESPACE };
            return { errors: [{ text: `${from} imports '${args.path}', which is not a file of this exercise.` }] };
          }
          if (target.startsWith(srcDir + path.sep)) {
            const file = [target, `${target}.ts`, path.join(target, 'index.ts')].find((f) => existsSync(f) && !f.endsWith(path.sep));
            if (file && file.endsWith('.ts')) return { path: file, external: true };
          }
        }
        return {
          errors: [
            {
              text: `${from} imports '${args.path}': an exercise may import its own files ('./reference'), the exercises package's helpers ('../../../src/tf', '../../../src/definition', …) and '@tensorflow/tfjs', nothing else.`,
            },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: files[args.path]!,
        loader: 'ts',
        resolveDir: virtualDir,
      }));
    },
  };

  let code: string;
  try {
    const result = await esbuild.build({
      entryPoints: ['definition.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      plugins: [plugin],
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const first = (error as esbuild.BuildFailure).errors?.[0];
    if (!first) throw error;
    const file = first.location?.file.replace(`${NAMESPACE}:`, '') ?? 'definition.ts';
    const where = first.location ? `${file}:${first.location.line}:${first.location.column + 1}: ` : '';
    throw new ExerciseFolderError(file, `${where}${first.text}`);
  }

  // A module file of its own per version (imports of the package's .ts files go through the child's tsx loader).
  const dir = path.join(tmpdir(), 'deltalab-site-exercises');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${hash}.mjs`);
  writeFileSync(file, code);
  let definition: unknown;
  try {
    definition = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ExerciseFolderError(
      'definition.ts',
      `definition.ts throws while loading: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (definition === undefined)
    throw new ExerciseFolderError('definition.ts', 'definition.ts has no default export (export default defineExercise({ … })).');
  try {
    return exerciseFromFiles(definition, files, 'the authored exercise', hash);
  } catch (error) {
    if (error instanceof ExerciseLoadError) {
      const detail = error.message.replace(/^Invalid exercise the authored exercise: /, '');
      const file = /^(statement\.md|[a-z-]+\.ts)\b/.exec(detail)?.[1] ?? 'definition.ts';
      throw new ExerciseFolderError(file, detail);
    }
    throw new ExerciseFolderError('definition.ts', error instanceof Error ? error.message : String(error));
  }
}
