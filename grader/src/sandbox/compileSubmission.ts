import { createHash } from 'node:crypto';
import type { Message, Plugin } from 'esbuild';
import type { SandboxError } from './limits';

/** Module names student code may import; everything else is refused at compile time. */
const TFJS_MODULES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core'];

/** The largest source any exercise accepts (the schema's cap on `limits.sourceKb`): nothing bigger is compiled. */
const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * A submission compiled without knowing its exercise: one classic script that hands its exports to the bridge, and
 * where it imports tfjs (an exercise without tfjs refuses it then). Plain data: the supervising process compiles (a
 * grading child may not start esbuild's process) and sends this to the child with the job.
 */
export type CompiledModule =
  { ok: true; code: string; tfImport?: { specifier: string; where: string } } | { ok: false; error: SandboxError };

export type CompiledSubmission = { ok: true; code: string } | { ok: false; error: SandboxError };

const cache = new Map<string, Promise<CompiledModule>>();
const CACHE_SIZE = 256;

// The compilers are loaded on first use, once: a dynamic import() per compile is a round trip to the module loader,
// which under a loader hook (tsx, as `npm run grader:worker` runs) is another thread.
let sucrase: Promise<typeof import('sucrase')> | undefined;
let esbuildModule: Promise<typeof import('esbuild')> | undefined;
const loadSucrase = () => (sucrase ??= import('sucrase'));
const loadEsbuild = () => (esbuildModule ??= import('esbuild'));

/**
 * TypeScript/JavaScript with `export function …` → one classic script that hands its exports to the bridge
 * (`__deltalab.register`). Imports are resolved here, never in the isolate: `@tensorflow/tfjs` becomes the sandbox's
 * own tf bundle; anything else is an error. Cached by source (a class resubmits the starter and the same fixes).
 */
export function compileModule(source: string): Promise<CompiledModule> {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_SOURCE_BYTES) return Promise.resolve({ ok: false, error: tooLarge(bytes, MAX_SOURCE_BYTES) });
  const key = createHash('sha256').update(source).digest('hex');
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
  } else {
    hit = build(source);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, hit);
  return hit;
}

const WARM_UP_SOURCE = `type Layer = { W: number[][]; b: number[] };
export function forward(x: number[], layers: Layer[]): number[] {
  let a = x;
  for (const layer of layers) a = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, layer.b[i]!));
  return a.map((v) => (v > 0 ? v : 0));
}`;

/**
 * Loads the compiler and runs it until V8 has optimised it (a process that grades calls this as it starts): cold, a
 * compile costs the supervising thread ~0.5 ms more, which after a restart with a backlog is every submission's.
 */
export async function warmUpCompiler(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await stripTypes(`${WARM_UP_SOURCE}\n// ${i}`).catch(() => null)) === null) return;
    // Between the children's start-up messages, not in one block of the thread.
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** What an exercise makes of a compiled module: its own source limit, and tfjs only where it uses tfjs. */
export function checkCompiledModule(
  compiled: CompiledModule,
  source: string,
  options: { sourceBytes: number; allowTf: boolean },
): CompiledSubmission {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > options.sourceBytes) return { ok: false, error: tooLarge(bytes, options.sourceBytes) };
  if (!compiled.ok) {
    // The module was compiled for any exercise: one without tfjs takes no import at all.
    if (!options.allowTf && compiled.error.kind === 'forbidden')
      return { ok: false, error: { ...compiled.error, message: compiled.error.message.replace(ANY_IMPORT_REFUSED, NO_IMPORTS) } };
    return compiled;
  }
  if (compiled.tfImport && !options.allowTf) {
    return {
      ok: false,
      error: {
        kind: 'forbidden',
        message: `Cannot import '${compiled.tfImport.specifier}': this exercise does not use TensorFlow.js. (${compiled.tfImport.where})`,
      },
    };
  }
  return { ok: true, code: compiled.code };
}

/** Compiles and checks in this process (tests, the bench, a supervisor): compileModule then checkCompiledModule. */
export async function compileSubmission(source: string, options: { sourceBytes: number; allowTf: boolean }): Promise<CompiledSubmission> {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > options.sourceBytes) return { ok: false, error: tooLarge(bytes, options.sourceBytes) };
  return checkCompiledModule(await compileModule(source), source, options);
}

const ANY_IMPORT_REFUSED = "only '@tensorflow/tfjs' can be imported";
const NO_IMPORTS = 'imports are not available in this exercise';

function tooLarge(bytes: number, limit: number): SandboxError {
  return { kind: 'source too large', message: `Your code is ${bytes} bytes; the limit is ${limit} bytes.` };
}

/**
 * Source that esbuild compiles: it names a module (`import`, static or dynamic, `require`, a `… from '…'` re-export) or
 * `exports`, the name of the compiled script's own exports object. The word test is deliberately coarse: a false alarm
 * (the word in a comment) only takes esbuild's path.
 */
const NEEDS_ESBUILD = /\bimport\b|\brequire\b|\bfrom\s*['"`]|\bexports\b/;

const OUTPUT = {
  format: 'iife',
  globalName: '__deltalabStudent',
  target: 'es2022',
  footer: '__deltalab.register(__deltalabStudent);',
} as const;

/**
 * The largest source compiled in this process: sucrase takes up to ~0.5 ms a kilobyte of this thread (the web
 * server's, which answers requests), esbuild its own process. Students' code is 1–3 kB.
 */
const MAX_IN_PROCESS_BYTES = 8 * 1024;

async function build(source: string): Promise<CompiledModule> {
  const needsEsbuild = NEEDS_ESBUILD.test(source);
  if (source.length <= MAX_IN_PROCESS_BYTES && !needsEsbuild) {
    const stripped = await stripTypes(source);
    if (stripped) return stripped;
  }
  const esbuild = await loadEsbuild();
  try {
    if (!needsEsbuild) {
      // Nothing to resolve: transform is the same output without the bundler's plugin round trips (half the time).
      const result = await esbuild.transform(source, { ...OUTPUT, loader: 'ts', sourcefile: 'submission.ts', logLevel: 'silent' });
      return { ok: true, code: result.code };
    }
    let tfImport: { specifier: string; where: string } | undefined;
    const imports: Plugin = {
      name: 'deltalab-imports',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          if (TFJS_MODULES.includes(args.path)) {
            // esbuild gives no position to onResolve: the first line naming the module stands for it.
            tfImport ??= { specifier: args.path, where: positionOf(source, args.path) };
            return { path: args.path, namespace: 'deltalab-tf' };
          }
          return { errors: [{ text: `Cannot import '${args.path}': ${ANY_IMPORT_REFUSED}.` }] };
        });
        b.onLoad({ filter: /.*/, namespace: 'deltalab-tf' }, () => ({ contents: 'module.exports = globalThis.tf;', loader: 'js' }));
      },
    };
    const result = await esbuild.build({
      stdin: { contents: source, loader: 'ts', sourcefile: 'submission.ts' },
      bundle: true,
      write: false,
      format: OUTPUT.format,
      globalName: OUTPUT.globalName,
      target: OUTPUT.target,
      platform: 'neutral',
      logLevel: 'silent',
      footer: { js: OUTPUT.footer },
      plugins: [imports],
    });
    const code = result.outputFiles?.[0]?.text;
    if (code === undefined) return { ok: false, error: { kind: 'internal', message: 'The compiler produced no output.' } };
    return { ok: true, code, ...(tfImport ? { tfImport } : {}) };
  } catch (error) {
    return { ok: false, error: describeBuildFailure(error) };
  }
}

/**
 * Code that names no module, compiled in this process by sucrase: its types removed and its exports put on an object
 * the script hands to the bridge, as esbuild's script does. Submissions arrive one after another, tens of
 * milliseconds apart, and each woke esbuild's Go service: ~1.3 ms of this process's CPU and ~1.7 ms of esbuild's a
 * transform, where sucrase takes ~0.2 ms here (README, "The grading pipeline under a class's load"). Sucrase's
 * "use strict" is dropped, so the module runs as esbuild's script runs it; its lines stay the student's lines.
 * Null when sucrase refuses the source: esbuild then compiles it, and its messages say what is wrong (better than
 * sucrase's "Unexpected token").
 */
async function stripTypes(source: string): Promise<CompiledModule | null> {
  const { transform } = await loadSucrase();
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], disableESTransforms: true }).code;
  } catch {
    return null;
  }
  const body = code.replace(/^"use strict";/, '');
  return { ok: true, code: `var ${OUTPUT.globalName} = (function (exports) {${body}\nreturn exports;\n})({});\n${OUTPUT.footer}` };
}

function positionOf(source: string, specifier: string): string {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes(specifier));
  return index < 0 ? 'unknown position' : `line ${index + 1}, column ${lines[index]!.indexOf(specifier) + 1}`;
}

function describeBuildFailure(error: unknown): SandboxError {
  const errors = (error as { errors?: Message[] }).errors;
  const first = errors?.[0];
  if (!first) return { kind: 'internal', message: `Compilation failed: ${String(error)}` };
  const loc = first.location;
  const isImport = first.text.startsWith('Cannot import');
  const where = loc ? `line ${loc.line}, column ${loc.column + 1}` : 'unknown position';
  const excerpt = loc?.lineText ? `\n  ${loc.lineText.slice(0, 200)}` : '';
  return {
    kind: isImport ? 'forbidden' : 'syntax',
    message: isImport ? `${first.text} (${where})` : `Syntax error at ${where}: ${first.text}${excerpt}`,
  };
}
