/**
 * The sandbox boundary, in one file. Every value that crosses between host and isolate is listed here:
 *
 *   host → isolate   the prelude (prelude.ts) and the compiled student module (strings, compiled in the isolate);
 *                    each case's entry name and arguments and the output limit (structured-clone
 *                    copies made by isolated-vm: plain data, no functions, no host objects).
 *   isolate → host   one result object built by `runCases` below, copied out by isolated-vm's
 *                    structured clone: plain arrays/objects of numbers, strings, booleans, null.
 *                    Proxies, getters, `toJSON`, `Symbol.toPrimitive` in the student's result are
 *                    resolved (or refused) by `toPlain` (prelude.ts) *inside* the isolate, under its time limit, so
 *                    nothing the student wrote ever runs on the host. The host still re-validates it
 *                    (`assertPlainData`).
 *
 * No function, reference or host object is ever put into the context: the isolate has only V8's
 * built-ins (no process, require, import(), timers, fetch, workers).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preparedScript } from './preparedScripts';

export type CaseOutcome = { ok: true; value: unknown } | { ok: false; kind: 'runtime' | 'output'; message: string };

export type RunCasesResult = {
  /** Set when the job as a whole failed inside the isolate (e.g. output budget exhausted). */
  fatal?: { kind: 'runtime' | 'output'; message: string };
  outcomes: CaseOutcome[];
  /** console output of the cases flagged `captureLogs`, truncated. */
  logs: string;
};

let compiledPrelude: string | undefined;

/**
 * The prelude (prelude.ts, which tsc checks like any other file) compiled into the script that runs once in every
 * fresh context before the student's code: the one a grading child's supervisor prepared, else one esbuild transform
 * per process, on first use. Strict mode for the whole script (an ES module is strict; the script esbuild makes of it
 * would not be).
 */
export function preludeScript(): string {
  compiledPrelude ??= preparedScript('prelude') ?? buildPreludeScript();
  return compiledPrelude;
}

/** Builds the prelude script with esbuild (synchronously: isolates compile it in their constructor). */
export function buildPreludeScript(): string {
  // esbuild only where it is built: a grading child never loads it (it may not start esbuild's process).
  const { transformSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  return transformSync(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'prelude.ts'), 'utf8'), {
    loader: 'ts',
    format: 'iife',
    target: 'es2022',
    banner: "'use strict';",
    sourcefile: 'deltalab-prelude.ts',
  }).code;
}

/**
 * After the student's module has run in the context: one call, copies only. $0 = cases, $1 = output limit. It returns
 * a Promise (async entries are awaited case by case), so the host calls it with `result: { promise: true }`.
 */
export const RUN_CASES_CALL = 'return __deltalab.runCases($0, $1);';

/**
 * Host-side re-check of what came out: only arrays, plain objects, numbers, strings, booleans, null,
 * undefined. structured clone already guarantees no functions or getters; this also refuses Dates,
 * Maps, RegExps and the like in case the isolate-side copy was subverted.
 */
export function assertPlainData(value: unknown, depth = 0): string | null {
  if (depth > 70) return 'The result is nested too deeply.';
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'number' || type === 'string' || type === 'boolean') return null;
  if (type !== 'object') return `The result contains a ${type}.`;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value) && proto === Array.prototype) {
    for (const item of value) {
      const problem = assertPlainData(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (proto === Object.prototype || proto === null) {
    for (const key of Object.keys(value as object)) {
      const problem = assertPlainData((value as Record<string, unknown>)[key], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return 'The result contains something other than plain data.';
}
