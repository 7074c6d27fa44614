import { createHash } from 'node:crypto';
import * as esbuild from 'esbuild';
import type { SandboxError } from './limits';

/** Module names student code may import; everything else is refused at compile time. */
const TFJS_MODULES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core'];

export type CompiledSubmission = { ok: true; code: string } | { ok: false; error: SandboxError };

const cache = new Map<string, CompiledSubmission>();
const CACHE_SIZE = 256;

/**
 * TypeScript/JavaScript with `export function …` → one classic script that hands its exports to the
 * bridge (`__deltalab.register`). Imports are resolved here, never in the isolate: `@tensorflow/tfjs`
 * becomes the sandbox's own tf bundle when the exercise uses tfjs; anything else is an error.
 */
export async function compileSubmission(source: string, options: { sourceBytes: number; allowTf: boolean }): Promise<CompiledSubmission> {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > options.sourceBytes) {
    return {
      ok: false,
      error: { kind: 'source too large', message: `Your code is ${bytes} bytes; the limit is ${options.sourceBytes} bytes.` },
    };
  }
  const key = createHash('sha256')
    .update(options.allowTf ? 'tf:' : 'js:')
    .update(source)
    .digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = await build(source, options.allowTf);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

/**
 * Source that names no module at all: no `import` (static or dynamic), no `require`, no `… from '…'` re-export. The
 * word test is deliberately coarse: a false alarm (the word in a comment) only takes the bundling path.
 */
const NAMES_A_MODULE = /\bimport\b|\brequire\b|\bfrom\s*['"`]/;

const OUTPUT = {
  format: 'iife',
  globalName: '__deltalabStudent',
  target: 'es2022',
  footer: '__deltalab.register(__deltalabStudent);',
} as const;

async function build(source: string, allowTf: boolean): Promise<CompiledSubmission> {
  try {
    if (!NAMES_A_MODULE.test(source)) {
      // Nothing to resolve: transform is the same output without the bundler's plugin round trips (half the time).
      const result = await esbuild.transform(source, { ...OUTPUT, loader: 'ts', sourcefile: 'submission.ts', logLevel: 'silent' });
      return { ok: true, code: result.code };
    }
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
      plugins: [
        {
          name: 'deltalab-imports',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              if (allowTf && TFJS_MODULES.includes(args.path)) return { path: args.path, namespace: 'deltalab-tf' };
              const hint = TFJS_MODULES.includes(args.path)
                ? 'this exercise does not use TensorFlow.js'
                : allowTf
                  ? "only '@tensorflow/tfjs' can be imported"
                  : 'imports are not available in this exercise';
              return { errors: [{ text: `Cannot import '${args.path}': ${hint}.` }] };
            });
            b.onLoad({ filter: /.*/, namespace: 'deltalab-tf' }, () => ({ contents: 'module.exports = globalThis.tf;', loader: 'js' }));
          },
        },
      ],
    });
    const code = result.outputFiles?.[0]?.text;
    if (code === undefined) return { ok: false, error: { kind: 'internal', message: 'The compiler produced no output.' } };
    return { ok: true, code };
  } catch (error) {
    return { ok: false, error: describeBuildFailure(error) };
  }
}

function describeBuildFailure(error: unknown): SandboxError {
  const errors = (error as { errors?: esbuild.Message[] }).errors;
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
