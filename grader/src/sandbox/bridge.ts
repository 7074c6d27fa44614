/**
 * The sandbox boundary, in one file. Every value that crosses between host and isolate is listed here:
 *
 *   host → isolate   the prelude and the compiled student module (strings, compiled in the isolate);
 *                    each case's entry name and arguments and the output limit (structured-clone
 *                    copies made by isolated-vm: plain data, no functions, no host objects).
 *   isolate → host   one result object built by `runCases` below, copied out by isolated-vm's
 *                    structured clone: plain arrays/objects of numbers, strings, booleans, null.
 *                    Proxies, getters, `toJSON`, `Symbol.toPrimitive` in the student's result are
 *                    resolved (or refused) by `toPlain` *inside* the isolate, under its time limit, so
 *                    nothing the student wrote ever runs on the host. The host still re-validates it
 *                    (`assertPlainData`).
 *
 * No function, reference or host object is ever put into the context: the isolate has only V8's
 * built-ins (no process, require, import(), timers, fetch, workers).
 */

export type CaseOutcome = { ok: true; value: unknown } | { ok: false; kind: 'runtime' | 'output'; message: string };

export type RunCasesResult = {
  /** Set when the job as a whole failed inside the isolate (e.g. output budget exhausted). */
  fatal?: { kind: 'runtime' | 'output'; message: string };
  outcomes: CaseOutcome[];
  /** console output of the cases flagged `captureLogs`, truncated. */
  logs: string;
};

/**
 * Runs once in every fresh context before the student's code. It captures the built-ins it relies on
 * first, so a student replacing `Array.isArray` or `Object.keys` can only confuse their own result, and
 * it removes the few built-ins that can block a thread (Atomics.wait) or share memory.
 */
export const PRELUDE = String.raw`
(function () {
  'use strict';
  const g = globalThis;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const ownKeys = Object.keys;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const createObject = Object.create;
  const apply = Reflect.apply;
  const ObjectProto = Object.prototype;
  const ArrayProto = Array.prototype;
  const ErrorCtor = Error;
  const stringify = JSON.stringify;
  const StringCtor = String;
  const LOG_LIMIT = 8192;
  const MAX_DEPTH = 64;

  let exportsObject = null;
  let logText = '';
  let droppedLogs = 0;
  let capture = false;

  function formatLogArg(value) {
    if (typeof value === 'string') return value;
    try {
      const text = stringify(value);
      return text === undefined ? StringCtor(value) : text;
    } catch (e) {
      try { return StringCtor(value); } catch (e2) { return '[unprintable]'; }
    }
  }
  function log() {
    if (!capture) return;
    if (logText.length >= LOG_LIMIT) { droppedLogs++; return; }
    let line = '';
    for (let i = 0; i < arguments.length; i++) line += (i ? ' ' : '') + formatLogArg(arguments[i]);
    logText += line.slice(0, LOG_LIMIT - logText.length) + '\n';
  }
  g.console = freeze({ log: log, info: log, warn: log, error: log, debug: log, trace: log, table: log, dir: log });
  // Atomics.wait would block the isolate's thread; shared memory has no use in grading.
  delete g.SharedArrayBuffer;
  if (g.Atomics) { delete g.Atomics.wait; delete g.Atomics.waitAsync; }
  // tfjs looks for a global "self"
  g.self = g;

  function describeError(error) {
    try {
      if (error instanceof ErrorCtor) {
        const name = typeof error.name === 'string' ? error.name : 'Error';
        const message = typeof error.message === 'string' ? error.message : '';
        return (name + ': ' + message).slice(0, 1000);
      }
      return ('Thrown value: ' + formatLogArg(error)).slice(0, 1000);
    } catch (e) {
      return 'An exception was thrown that could not be described.';
    }
  }

  function OutputError(message) { this.message = message; }

  // Reading "then" may run a getter the student wrote: it runs here, inside the isolate, under the time limit.
  function isThenable(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
  }

  /** Plain, JSON-like copy of a result; typed arrays and tfjs tensors become (nested) arrays. */
  function toPlain(value, budget, depth) {
    if (depth > MAX_DEPTH) throw new OutputError('The result is nested more than ' + MAX_DEPTH + ' levels deep.');
    if (value === null || typeof value === 'boolean') { budget.bytes += 4; return value; }
    if (typeof value === 'number') { budget.bytes += 8; return value; }
    if (typeof value === 'string') { budget.bytes += value.length + 2; check(budget); return value; }
    if (value === undefined) { budget.bytes += 4; return undefined; }
    if (typeof value === 'bigint') return Number(value);
    if (typeof value !== 'object') throw new OutputError('The result contains a ' + typeof value + ', which is not data.');
    if (g.tf && typeof g.tf.Tensor === 'function' && value instanceof g.tf.Tensor) {
      return toPlain(value.arraySync(), budget, depth + 1);
    }
    if (isView(value)) {
      const n = value.length >>> 0;
      budget.bytes += 8 * n; check(budget);
      const out = [];
      for (let i = 0; i < n; i++) defineProperty(out, i, { value: +value[i], writable: true, enumerable: true, configurable: true });
      return out;
    }
    if (isArray(value)) {
      const n = value.length >>> 0;
      budget.bytes += 2 + n; check(budget);
      const out = [];
      for (let i = 0; i < n; i++) {
        defineProperty(out, i, { value: toPlain(value[i], budget, depth + 1), writable: true, enumerable: true, configurable: true });
      }
      return out;
    }
    const proto = getPrototypeOf(value);
    if (proto !== ObjectProto && proto !== null) {
      throw new OutputError('The result contains an object of a class (' + describeCtor(value) + '); return plain arrays, numbers and objects.');
    }
    const out = {};
    const keys = ownKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      budget.bytes += key.length + 4; check(budget);
      defineProperty(out, key, { value: toPlain(value[key], budget, depth + 1), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }
  function describeCtor(value) {
    try { const c = value.constructor; return c && typeof c.name === 'string' ? c.name : 'unknown'; } catch (e) { return 'unknown'; }
  }
  // defineProperty, never assignment: a setter the student put on Array.prototype must not see our arrays
  function setOutcome(outcomes, index, outcome) {
    defineProperty(outcomes, index, { value: outcome, writable: true, enumerable: true, configurable: true });
  }
  function check(budget) {
    if (budget.bytes > budget.limit) throw new OutputError('The output is larger than the limit of ' + budget.limit + ' bytes.');
  }

  const bridge = freeze({
    register(moduleExports) { exportsObject = moduleExports; },
    async runCases(cases, outputLimit) {
      const outcomes = [];
      const budget = { bytes: 0, limit: outputLimit };
      const functions = createObject(null);
      for (let c = 0; c < cases.length; c++) {
        const entry = cases[c].entry;
        if (typeof functions[entry] === 'function') continue;
        let fn;
        try { fn = exportsObject === null ? undefined : exportsObject[entry]; } catch (e) { fn = undefined; }
        if (typeof fn !== 'function') {
          return { fatal: { kind: 'runtime', message: 'Your code does not export a function named "' + entry + '" (write: export function ' + entry + '(...) { ... }).' }, outcomes: outcomes, logs: '' };
        }
        functions[entry] = fn;
      }
      for (let c = 0; c < cases.length; c++) {
        const testCase = cases[c];
        capture = testCase.captureLogs === true;
        let value;
        try {
          value = apply(functions[testCase.entry], undefined, testCase.args);
          // An async entry (or one returning a Promise) is awaited: its rejection is this case's runtime error, and
          // one that never settles runs into the job's time limit (enforced by the host).
          if (isThenable(value)) value = await value;
        } catch (error) {
          capture = false;
          setOutcome(outcomes, c, { ok: false, kind: 'runtime', message: describeError(error) });
          continue;
        }
        capture = false;
        try {
          setOutcome(outcomes, c, { ok: true, value: toPlain(value, budget, 0) });
        } catch (error) {
          if (error instanceof OutputError) {
            if (budget.bytes > budget.limit) return { fatal: { kind: 'output', message: error.message }, outcomes: outcomes, logs: logText };
            setOutcome(outcomes, c, { ok: false, kind: 'output', message: error.message });
          } else {
            setOutcome(outcomes, c, { ok: false, kind: 'runtime', message: 'Reading your result failed: ' + describeError(error) });
          }
        }
      }
      const logs = droppedLogs > 0 ? logText + '… ' + droppedLogs + ' more console calls dropped\n' : logText;
      return { outcomes: outcomes, logs: logs };
    },
  });
  defineProperty(g, '__deltalab', { value: bridge, writable: false, enumerable: false, configurable: false });
})();
`;

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
