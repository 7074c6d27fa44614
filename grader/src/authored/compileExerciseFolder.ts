import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import { exerciseFileNames, exercisesContentDir, hashFiles } from '@deltalab/exercises';
import { graderPackageDir } from '../packageDir';

/**
 * An exercise folder authored in the site: file name → text, exactly the files of exercises/content/<topic>/<slug>/,
 * and their content hash (the version). Its code runs only inside isolates of grading child processes.
 */
export type ExerciseFolder = { hash: string; files: Record<string, string> };

/** One reason an authored exercise may not be published (or run), with the file to look at; the message begins with it. */
export type FolderProblem = { file: string; message: string };

/**
 * A folder compiled for the isolate: one classic script holding the author's files, the exercises package's helpers
 * they import and the exercise runtime (isolate/exerciseRuntime.ts), which registers the runtime's calls with the
 * sandbox bridge. Plain data: it crosses to grading children over IPC.
 */
export type CompiledExercise = {
  hash: string;
  code: string;
  /** The folder imports tfjs: its contexts get the sandbox's tfjs bundle first. */
  usesTf: boolean;
  /** Where each module starts in `code` (1-based line), to name the file of a stack frame; helpers have `file: null`. */
  modules: { line: number; file: string | null }[];
};

export type FolderCompilation = { ok: true; compiled: CompiledExercise } | { ok: false; problem: FolderProblem };

/** The file name isolate stack frames carry for an exercise script. */
export const EXERCISE_SCRIPT_FILE = 'exercise.js';

const FOLDER = 'exercise-folder';
const TF = 'deltalab-tf';
const LAZY = 'deltalab-lazy';
/**
 * The expression parser's mathjs (1 MB): only a folder with expression fields gets it (its reference expressions are
 * read in the isolate), and even then it is evaluated on first use. Any other folder gets a module that says so.
 */
const MATHJS = 'mathjs/lib/browser/math.js';
const HAS_EXPRESSION_FIELDS = /\bkind\s*:\s*['"`]expression['"`]/;
const UNAVAILABLE = 'deltalab-unavailable';
const TF_MODULES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core'];
const builtins = new Set(builtinModules);
/** Helpers an exercise may not import: they read the catalogue from the file system. */
const REFUSED_HELPERS: Record<string, string> = {
  'index.ts':
    "'../../../src/index' is the package's server entry (it loads the catalogue from disk): import the helper module itself, e.g. '../../../src/variant'",
  'load.ts': "'../../../src/load' reads the catalogue from disk",
};
const RUNTIME_CALLS = ['describe', 'params', 'display', 'solve', 'derive', 'cases', 'expected', 'mistakes'];

const cache = new Map<string, Promise<FolderCompilation>>();
const CACHE_SIZE = 32;

/**
 * Bundles a folder with esbuild, here in the supervising process (a grading child never runs esbuild: it may not
 * start processes). The folder is compiled as if it sat in content/<topic>/<slug>/, so `../../../src/…` reaches the
 * exercises package's helpers, which are bundled into the script (each job's context has copies of its own: nothing
 * an exercise does to them reaches the grader's own modules or another exercise); `@tensorflow/tfjs` is the isolate's
 * tfjs. Any other import is refused, naming the file. Cached by content hash: a version's files never change.
 */
export function compileExerciseFolder(folder: ExerciseFolder): Promise<FolderCompilation> {
  const hash = hashFiles(folder.files);
  if (hash !== folder.hash) {
    return Promise.resolve({
      ok: false,
      problem: {
        file: '(folder)',
        message: `(folder): the folder's files do not match its version ${folder.hash} (they hash to ${hash}).`,
      },
    });
  }
  let compiling = cache.get(hash);
  if (!compiling) {
    compiling = build(folder.files, hash);
    compiling.catch(() => cache.delete(hash));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(hash, compiling);
  } else {
    // keep recently used versions
    cache.delete(hash);
    cache.set(hash, compiling);
  }
  return compiling;
}

async function build(files: Record<string, string>, hash: string): Promise<FolderCompilation> {
  const unknown = Object.keys(files).filter((name) => !(exerciseFileNames as readonly string[]).includes(name));
  if (unknown.length > 0)
    return refuse(unknown[0]!, `${unknown.join(', ')}: an exercise folder holds only ${exerciseFileNames.join(', ')}.`);
  if (files['definition.ts'] === undefined) return refuse('definition.ts', 'definition.ts: the folder has no definition.ts.');

  const packageDir = path.resolve(exercisesContentDir(), '..');
  // Where the folder would sit once exported into content/: its relative imports resolve from there.
  const virtualDir = path.join(packageDir, 'content', '_site', '_exercise');
  const srcDir = path.join(packageDir, 'src');
  const runtimeFile = path.join(graderPackageDir(), 'src', 'authored', 'isolate', 'exerciseRuntime.ts');
  const usesExpressions = Object.values(files).some((text) => HAS_EXPRESSION_FIELDS.test(text));
  let usesTf = false;

  const plugin: esbuild.Plugin = {
    name: 'exercise-folder',
    setup(b) {
      b.onResolve({ filter: /^deltalab:definition$/ }, () => ({ path: 'definition.ts', namespace: FOLDER }));
      b.onResolve({ filter: /^deltalab:runtime$/ }, () => ({ path: runtimeFile }));
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point' || args.path.startsWith('deltalab:')) return undefined;
        if (TF_MODULES.includes(args.path)) {
          usesTf = true;
          return { path: args.path, namespace: TF };
        }
        if (args.namespace === FOLDER) return resolveAuthorImport(args.importer, args.path);
        if (args.path === MATHJS && args.namespace !== LAZY) return { path: args.path, namespace: LAZY, pluginData: args.resolveDir };
        // The package's helpers and the runtime (reviewed code): Node's modules and tfjs's other packages exist only
        // as modules that throw if they are ever evaluated (backend.ts imports the wasm backend lazily, say).
        if (args.path.startsWith('node:') || builtins.has(args.path) || args.path.startsWith('@tensorflow/'))
          return { path: args.path, namespace: UNAVAILABLE };
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: FOLDER }, (args) => ({ contents: files[args.path]!, loader: 'ts', resolveDir: virtualDir }));
      b.onLoad({ filter: /.*/, namespace: TF }, () => ({ contents: 'module.exports = globalThis.tf;', loader: 'js' }));
      // A stand-in whose properties load the real module (esbuild makes require() inside a function lazy); reading
      // __esModule must not, since esbuild's interop reads it as soon as the importing module runs.
      b.onLoad({ filter: /.*/, namespace: LAZY }, (args) => ({
        contents: `let real;
const load = () => (real ??= ${
          usesExpressions
            ? `require(${JSON.stringify(args.path)})`
            : `(() => { throw new Error("The expression parser is not loaded: this exercise declares no field of kind: 'expression'."); })()`
        });
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : load()[key]) });`,
        loader: 'js',
        resolveDir: args.pluginData as string,
      }));
      b.onLoad({ filter: /.*/, namespace: UNAVAILABLE }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`'${args.path}' is not available in the grader's sandbox.`)});`,
        loader: 'js',
      }));
    },
  };

  function resolveAuthorImport(importer: string, specifier: string): esbuild.OnResolveResult {
    const refused = (reason: string) => ({ errors: [{ text: `${importer} imports '${specifier}': ${reason}` }] });
    if (specifier.startsWith('.')) {
      const target = path.resolve(virtualDir, specifier);
      if (path.dirname(target) === virtualDir) {
        const name = [path.basename(target), `${path.basename(target)}.ts`].find((n) => files[n] !== undefined);
        return name ? { path: name, namespace: FOLDER } : refused('it is not a file of this exercise.');
      }
      if (target.startsWith(srcDir + path.sep) || target === srcDir) {
        const relative = path.relative(srcDir, target);
        const file = [`${relative}.ts`, relative, path.join(relative, 'index.ts')].find((f) => f.endsWith('.ts') && isFile(srcDir, f));
        if (file && REFUSED_HELPERS[file]) return refused(`${REFUSED_HELPERS[file]}.`);
        if (file) return { path: path.join(srcDir, file) };
      }
    }
    return refused(
      "an exercise may import its own files ('./reference'), the exercises package's helpers ('../../../src/tf', '../../../src/definition', …) and '@tensorflow/tfjs', nothing else: it runs in the grader's sandbox, without Node.js.",
    );
  }

  // esbuild only where folders are compiled (a supervisor): a grading child imports this module but never calls it.
  const { build: bundle } = await import('esbuild');
  let code: string;
  try {
    const result = await bundle({
      stdin: {
        contents: [
          "import * as folder from 'deltalab:definition';",
          "import { createExerciseRuntime } from 'deltalab:runtime';",
          'const runtime = createExerciseRuntime(folder.default);',
          ...RUNTIME_CALLS.map((call) => `export const ${call} = runtime.${call};`),
        ].join('\n'),
        loader: 'ts',
        sourcefile: 'deltalab-exercise-entry.ts',
        resolveDir: virtualDir,
      },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: '__deltalabExercise',
      footer: { js: '__deltalab.register(__deltalabExercise);' },
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2022',
      plugins: [plugin],
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const first = (error as esbuild.BuildFailure).errors?.[0];
    if (!first) throw error;
    const file = first.location?.file.startsWith(`${FOLDER}:`) ? first.location.file.slice(FOLDER.length + 1) : 'definition.ts';
    const where = first.location?.file.startsWith(`${FOLDER}:`) ? `${file}:${first.location.line}:${first.location.column + 1}: ` : '';
    return refuse(file, where ? `${where}${first.text}` : first.text.startsWith(file) ? first.text : `${file}: ${first.text}`);
  }
  return { ok: true, compiled: { hash, code, usesTf, modules: moduleLines(code) } };
}

/** esbuild marks each module of a bundle with a `// <path>` comment line: the folder's own as `// exercise-folder:<file>`. */
function moduleLines(code: string): CompiledExercise['modules'] {
  const modules: CompiledExercise['modules'] = [];
  code.split('\n').forEach((text, index) => {
    const match = /^\s*\/\/ (\S+)$/.exec(text);
    if (match) modules.push({ line: index + 1, file: match[1]!.startsWith(`${FOLDER}:`) ? match[1]!.slice(FOLDER.length + 1) : null });
  });
  return modules;
}

function isFile(dir: string, file: string): boolean {
  try {
    return statSync(path.join(dir, file)).isFile();
  } catch {
    return false;
  }
}

function refuse(file: string, message: string): FolderCompilation {
  return { ok: false, problem: { file, message } };
}
