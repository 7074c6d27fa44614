/**
 * The sandbox prelude: runs once in every fresh isolate context, before the student's code, and installs the one
 * bridge the host calls (`__deltalab`). It is compiled on its own by esbuild (`preludeScript` in bridge.ts) into a
 * script for the isolate, where only V8's built-ins exist: this file may import nothing but types.
 *
 * It captures the built-ins it relies on first, so a student replacing `Array.isArray` or `Object.keys` can only
 * confuse their own result, and it removes the few built-ins that can block a thread (Atomics.wait) or share memory.
 * Everything the student's result holds (getters, proxies, `toJSON`, tensors) is read here, inside the isolate and
 * under its time limit; only the plain copy built by `toPlain` goes back to the host.
 */
import type { CaseOutcome, RunCasesResult } from './bridge';

/** What the isolate's global object offers the prelude (V8 built-ins, and tfjs when the exercise loads it). */
interface IsolateGlobal {
  console: unknown;
  SharedArrayBuffer?: unknown;
  Atomics?: { wait?: unknown; waitAsync?: unknown };
  self: unknown;
  structuredClone?: unknown;
  tf?: { Tensor?: abstract new (...args: never[]) => { arraySync(): unknown } };
}

/** One case as the host sends it (structured-clone copies). */
interface BridgeCase {
  entry: string;
  args: unknown[];
  captureLogs?: boolean;
}

interface OutputBudget {
  bytes: number;
  limit: number;
}

type StudentFunction = (...args: unknown[]) => unknown;

const g = globalThis as unknown as IsolateGlobal;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const ownKeys = Object.keys;
const getPrototypeOf = Object.getPrototypeOf;
const defineProperty = Object.defineProperty;
const freeze = Object.freeze;
const createObject = Object.create;
const apply = Reflect.apply;
const ObjectProto = Object.prototype;
const ErrorCtor = Error;
const stringify = JSON.stringify;
const StringCtor = String;
const LOG_LIMIT = 8192;
const MAX_DEPTH = 64;

let exportsObject: Record<string, unknown> | null = null;
let logText = '';
let droppedLogs = 0;
let capture = false;

function formatLogArg(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    const text = stringify(value) as string | undefined;
    return text === undefined ? StringCtor(value) : text;
  } catch {
    try {
      return StringCtor(value);
    } catch {
      return '[unprintable]';
    }
  }
}

function log(...args: unknown[]): void {
  if (!capture) return;
  if (logText.length >= LOG_LIMIT) {
    droppedLogs++;
    return;
  }
  let line = '';
  for (let i = 0; i < args.length; i++) line += (i ? ' ' : '') + formatLogArg(args[i]);
  logText += line.slice(0, LOG_LIMIT - logText.length) + '\n';
}

g.console = freeze({ log, info: log, warn: log, error: log, debug: log, trace: log, table: log, dir: log });
// Atomics.wait would block the isolate's thread; shared memory has no use in grading.
delete g.SharedArrayBuffer;
if (g.Atomics) {
  delete g.Atomics.wait;
  delete g.Atomics.waitAsync;
}
// tfjs looks for a global "self"
g.self = g;

const MapCtor = Map;
const SetCtor = Set;
const DateCtor = Date;
const ArrayBufferCtor = ArrayBuffer;
const getTime = DateCtor.prototype.getTime;
const sliceBuffer = ArrayBufferCtor.prototype.slice;

/**
 * structuredClone, which browsers and Node have and V8 alone does not: code that runs in the browser (Run) and the
 * exercises' references use it to copy their inputs. The structured clone of data: primitives, arrays, plain objects,
 * Date, Map, Set, ArrayBuffer and typed arrays, cycles kept; a function or symbol is refused, as the real one does.
 */
function cloneData(value: unknown, seen: Map<object, unknown>): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    if (typeof value === 'symbol') throw new ErrorCtor('DataCloneError: a symbol could not be cloned.');
    return value;
  }
  if (typeof value === 'function') throw new ErrorCtor('DataCloneError: a function could not be cloned.');
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) setAt(out, i, cloneData(value[i], seen));
    return out;
  }
  if (value instanceof DateCtor) return new DateCtor(apply(getTime, value, []) as number);
  if (value instanceof ArrayBufferCtor) return apply(sliceBuffer, value, [0]);
  if (isView(value)) {
    const view = value as unknown as { constructor: new (source: unknown) => unknown };
    return new view.constructor(value);
  }
  if (value instanceof MapCtor) {
    const out = new MapCtor();
    seen.set(value, out);
    value.forEach((v, k) => out.set(cloneData(k, seen), cloneData(v, seen)));
    return out;
  }
  if (value instanceof SetCtor) {
    const out = new SetCtor();
    seen.set(value, out);
    value.forEach((v) => out.add(cloneData(v, seen)));
    return out;
  }
  const out = createObject(ObjectProto) as Record<string, unknown>;
  seen.set(value, out);
  const keys = ownKeys(value);
  for (let i = 0; i < keys.length; i++) setAt(out, keys[i]!, cloneData((value as Record<string, unknown>)[keys[i]!], seen));
  return out;
}
if (typeof g.structuredClone !== 'function') g.structuredClone = (value: unknown) => cloneData(value, new MapCtor());

function describeError(error: unknown): string {
  try {
    if (error instanceof ErrorCtor) {
      const name = typeof error.name === 'string' ? error.name : 'Error';
      const message = typeof error.message === 'string' ? error.message : '';
      return (name + ': ' + message).slice(0, 1000);
    }
    return ('Thrown value: ' + formatLogArg(error)).slice(0, 1000);
  } catch {
    return 'An exception was thrown that could not be described.';
  }
}

class OutputError {
  constructor(readonly message: string) {}
}

// Reading "then" may run a getter the student wrote: it runs here, inside the isolate, under the time limit.
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function'
  );
}

function check(budget: OutputBudget): void {
  if (budget.bytes > budget.limit) throw new OutputError('The output is larger than the limit of ' + budget.limit + ' bytes.');
}

// defineProperty, never assignment: a setter the student put on Array.prototype must not see our arrays
function setAt(target: object, key: string | number, value: unknown): void {
  defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function describeCtor(value: object): string {
  try {
    const c = (value as { constructor?: { name?: unknown } }).constructor;
    return c && typeof c.name === 'string' ? c.name : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Plain, JSON-like copy of a result; typed arrays and tfjs tensors become (nested) arrays. */
function toPlain(value: unknown, budget: OutputBudget, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new OutputError('The result is nested more than ' + MAX_DEPTH + ' levels deep.');
  if (value === null || typeof value === 'boolean') {
    budget.bytes += 4;
    return value;
  }
  if (typeof value === 'number') {
    budget.bytes += 8;
    return value;
  }
  if (typeof value === 'string') {
    budget.bytes += value.length + 2;
    check(budget);
    return value;
  }
  if (value === undefined) {
    budget.bytes += 4;
    return undefined;
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') throw new OutputError('The result contains a ' + typeof value + ', which is not data.');
  const Tensor = g.tf?.Tensor;
  if (typeof Tensor === 'function' && value instanceof Tensor) {
    return toPlain(value.arraySync(), budget, depth + 1);
  }
  if (isView(value)) {
    const view = value as unknown as ArrayLike<number>;
    const n = view.length >>> 0;
    budget.bytes += 8 * n;
    check(budget);
    const out: number[] = [];
    for (let i = 0; i < n; i++) setAt(out, i, +view[i]!);
    return out;
  }
  if (isArray(value)) {
    const n = value.length >>> 0;
    budget.bytes += 2 + n;
    check(budget);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) setAt(out, i, toPlain(value[i], budget, depth + 1));
    return out;
  }
  const proto: unknown = getPrototypeOf(value);
  if (proto !== ObjectProto && proto !== null) {
    throw new OutputError(
      'The result contains an object of a class (' + describeCtor(value) + '); return plain arrays, numbers and objects.',
    );
  }
  const out = {};
  const keys = ownKeys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    budget.bytes += key.length + 4;
    check(budget);
    setAt(out, key, toPlain((value as Record<string, unknown>)[key], budget, depth + 1));
  }
  return out;
}

const bridge = freeze({
  register(moduleExports: Record<string, unknown>): void {
    exportsObject = moduleExports;
  },
  async runCases(cases: BridgeCase[], outputLimit: number): Promise<RunCasesResult> {
    const outcomes: CaseOutcome[] = [];
    const budget: OutputBudget = { bytes: 0, limit: outputLimit };
    const functions = createObject(null) as Record<string, StudentFunction>;
    for (let c = 0; c < cases.length; c++) {
      const entry = cases[c]!.entry;
      if (typeof functions[entry] === 'function') continue;
      let fn: unknown;
      try {
        fn = exportsObject === null ? undefined : exportsObject[entry];
      } catch {
        fn = undefined;
      }
      if (typeof fn !== 'function') {
        return {
          fatal: {
            kind: 'runtime',
            message: 'Your code does not export a function named "' + entry + '" (write: export function ' + entry + '(...) { ... }).',
          },
          outcomes,
          logs: '',
        };
      }
      functions[entry] = fn as StudentFunction;
    }
    for (let c = 0; c < cases.length; c++) {
      const testCase = cases[c]!;
      capture = testCase.captureLogs === true;
      let value: unknown;
      try {
        value = apply(functions[testCase.entry]!, undefined, testCase.args);
        // An async entry (or one returning a Promise) is awaited: its rejection is this case's runtime error, and
        // one that never settles runs into the job's time limit (enforced by the host).
        if (isThenable(value)) value = await value;
      } catch (error) {
        capture = false;
        setAt(outcomes, c, { ok: false, kind: 'runtime', message: describeError(error) });
        continue;
      }
      capture = false;
      try {
        setAt(outcomes, c, { ok: true, value: toPlain(value, budget, 0) });
      } catch (error) {
        if (error instanceof OutputError) {
          if (budget.bytes > budget.limit) return { fatal: { kind: 'output', message: error.message }, outcomes, logs: logText };
          setAt(outcomes, c, { ok: false, kind: 'output', message: error.message });
        } else {
          setAt(outcomes, c, { ok: false, kind: 'runtime', message: 'Reading your result failed: ' + describeError(error) });
        }
      }
    }
    const logs = droppedLogs > 0 ? logText + '… ' + droppedLogs + ' more console calls dropped\n' : logText;
    return { outcomes, logs };
  },
});
defineProperty(g, '__deltalab', { value: bridge, writable: false, enumerable: false, configurable: false });
