import ivm from 'isolated-vm';
import type { VariantSelector } from '@deltalab/exercises';
import { assertPlainData, RUN_CASES_CALL, type RunCasesResult } from '../sandbox/bridge';
import { PendingPastDeadline, withinDeadline } from '../sandbox/deadline';
import type { IsolatePool } from '../sandbox/isolatePool';
import type { SandboxLimits } from '../sandbox/limits';
import { EXERCISE_SCRIPT_FILE, type CompiledExercise, type FolderProblem } from './compileExerciseFolder';
import type { RuntimeEntry, RuntimeOutcome } from './isolate/exerciseRuntime';

/** One call of the exercise runtime (isolate/exerciseRuntime.ts) with its arguments (plain data, copied in). */
export type ExerciseCall = { entry: RuntimeEntry; args: unknown[] };

export type ExerciseRun = { ok: true; values: unknown[] } | { ok: false; problem: FolderProblem };

type ExerciseLimits = Pick<SandboxLimits, 'timeMs' | 'memoryMb' | 'outputBytes'>;

/** Which of the author's files a call runs first, and how to name what ran (for limits, which stop code anywhere). */
const CALLS: Record<RuntimeEntry, { file: string; what: string }> = {
  describe: { file: 'definition.ts', what: 'the definition' },
  params: { file: 'variants.ts', what: 'variants.generate()' },
  display: { file: 'variants.ts', what: 'variants.display()' },
  solve: { file: 'reference.ts', what: 'the reference' },
  derive: { file: 'definition.ts', what: "a field's derive.compute()" },
  cases: { file: 'cases.ts', what: 'the cases' },
  expected: { file: 'reference.ts', what: 'the reference' },
  mistakes: { file: 'mistakes.ts', what: 'the mistakes' },
};

/** Names exercise code may look for that the sandbox does not have: a ReferenceError on one of them gets a reason. */
const NODE_AND_BROWSER_NAMES = [
  'process',
  'require',
  'module',
  'exports',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Worker',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'importScripts',
  'Deno',
  'Bun',
];
const NOT_AVAILABLE =
  "exercise code runs in the grader's sandbox, which has no process, require, import(), fetch, WebSocket, file system or timers: only JavaScript's built-ins and tfjs";

const now = () => performance.now();

/** The file a runtime call is first of all about ('variants.canonical' for the canonical variant's params). */
function callLabel(call: ExerciseCall): { file: string; what: string } {
  const label = CALLS[call.entry];
  if (call.entry === 'params' && (call.args[0] as VariantSelector) === 'canonical') return { file: label.file, what: 'variants.canonical' };
  return label;
}

/**
 * Runs an authored exercise's calls, in order, in one never-used context of a pooled isolate: tfjs (if the folder
 * imports it), the compiled folder, then each call. The job has the limits of student code for the exercise (time
 * for everything together, heap, output per call). Values come back as plain data (the prelude's toPlain, then
 * assertPlainData here); a problem names the file at fault and what happened. `onCall` hears which file each call
 * starts in, before it runs (a grading child tells its supervisor, which names it if the child dies).
 */
export async function runExerciseCalls(
  pool: IsolatePool,
  compiled: CompiledExercise,
  limits: ExerciseLimits,
  calls: ExerciseCall[],
  onCall?: (file: string) => void,
): Promise<ExerciseRun> {
  return pool.withIsolate(limits.memoryMb, async (slot) => {
    const deadline = now() + limits.timeMs;
    const remaining = () => Math.max(1, Math.floor(deadline - now()));
    let context: ivm.Context | undefined;
    let current: { file: string; what: string } = { file: 'definition.ts', what: "the folder's top-level code" };
    const values: unknown[] = [];
    try {
      onCall?.(current.file);
      context = await slot.takeContext(remaining());
      if (compiled.usesTf) {
        const [tfjs, platform] = await slot.tfjsScripts('core');
        await tfjs.run(context, { timeout: remaining() });
        await platform.run(context, { timeout: remaining() });
      }
      const script = await slot.studentScript(compiled.code, EXERCISE_SCRIPT_FILE);
      await script.run(context, { timeout: remaining() });
      for (const call of calls) {
        current = callLabel(call);
        onCall?.(current.file);
        const result = (await withinDeadline(
          context.evalClosure(
            RUN_CASES_CALL,
            [new ivm.ExternalCopy([{ entry: call.entry, args: call.args }]).copyInto(), limits.outputBytes],
            {
              result: { copy: true, promise: true },
              timeout: remaining(),
            },
          ),
          remaining(),
          slot,
        )) as RunCasesResult;
        const shape = assertPlainData(result);
        if (shape) return problem(current.file, `${current.what} returned something other than data: ${shape}`);
        const outcome = result.outcomes[0];
        if (result.fatal?.kind === 'output' || (outcome && !outcome.ok && outcome.kind === 'output'))
          return problem(
            current.file,
            `${current.what} returned more than the output limit of ${Math.round(limits.outputBytes / 1024)} kB.`,
          );
        if (!outcome) return problem(current.file, `${current.what} did not run: ${result.fatal?.message ?? 'no outcome'}`);
        if (!outcome.ok) return problem(current.file, `${current.what}: ${outcome.message}`);
        const value = outcome.value as RuntimeOutcome;
        if (!value.ok) return thrownProblem(compiled, current, value.message, value.stack);
        values.push(value.value);
      }
      return { ok: true, values };
    } catch (error) {
      return { ok: false, problem: classifyFailure(error, compiled, current, limits, slot.disposed, () => pool.retire(slot)) };
    } finally {
      try {
        context?.release();
      } catch {
        // the isolate may already be gone
      }
    }
  });
}

function problem(file: string, message: string): ExerciseRun {
  return { ok: false, problem: { file, message: `${file}: ${message}` } };
}

/** What the author's code threw: the file of its innermost own frame (else the call's), the line, and why if we know. */
function thrownProblem(compiled: CompiledExercise, call: { file: string; what: string }, message: string, stack: string): ExerciseRun {
  const frame = authorFrame(compiled, stack);
  const file = frame?.file ?? call.file;
  const at = frame?.text ? ` (at: ${frame.text.slice(0, 160)})` : '';
  return { ok: false, problem: { file, message: `${file}: ${call.what} threw ${message}${at}${reasonFor(message, frame?.text)}` } };
}

/** The innermost stack frame in one of the author's files, with the text of that line of the compiled script. */
function authorFrame(compiled: CompiledExercise, stack: string): { file: string; text: string } | null {
  const lines = compiled.code.split('\n');
  for (const match of stack.matchAll(new RegExp(`${EXERCISE_SCRIPT_FILE.replace('.', '\\.')}:(\\d+):\\d+`, 'g'))) {
    const line = Number(match[1]);
    let owner: string | null = null;
    for (const module of compiled.modules) {
      if (module.line > line) break;
      owner = module.file;
    }
    if (owner) return { file: owner, text: (lines[line - 1] ?? '').trim() };
  }
  return null;
}

/** The first of the author's files whose compiled code matches `pattern`. */
function fileCalling(compiled: CompiledExercise, pattern: RegExp): string | null {
  const lines = compiled.code.split('\n');
  for (const [i, module] of compiled.modules.entries()) {
    if (!module.file) continue;
    const end = compiled.modules[i + 1]?.line ?? lines.length + 1;
    if (lines.slice(module.line, end - 1).some((line) => pattern.test(line))) return module.file;
  }
  return null;
}

/** Why a ReferenceError or an undefined global happened, when it is a name the sandbox deliberately lacks. */
function reasonFor(message: string, lineText = ''): string {
  const missing = /ReferenceError: (\w+) is not defined/.exec(message)?.[1];
  const named = missing ?? NODE_AND_BROWSER_NAMES.find((name) => new RegExp(`\\b${name}\\b`).test(lineText));
  if (named && NODE_AND_BROWSER_NAMES.includes(named)) return `. \`${named}\` is not available: ${NOT_AVAILABLE}.`;
  if (/Dynamic require|Not supported/.test(message)) return `. Modules cannot be loaded at run time: ${NOT_AVAILABLE}.`;
  return '';
}

function classifyFailure(
  error: unknown,
  compiled: CompiledExercise,
  call: { file: string; what: string },
  limits: ExerciseLimits,
  disposed: boolean,
  retire: () => void,
): FolderProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = (text: string) => ({ file: call.file, message: `${call.file}: ${text}` });
  if (error instanceof PendingPastDeadline || (!disposed && /timed out/i.test(message))) {
    retire();
    return at(`${call.what} ran longer than the time limit of ${limits.timeMs} ms: look for a loop that never ends.`);
  }
  if (disposed || /memory limit/i.test(message)) {
    retire();
    return at(`${call.what} used more than the memory limit of ${limits.memoryMb} MB: look for an array or string that keeps growing.`);
  }
  if (message === 'Not supported') {
    // isolated-vm refuses import() without a stack: the file that calls it is the one to look at.
    retire();
    const file = fileCalling(compiled, /\bimport\s*\(/) ?? call.file;
    return { file, message: `${file}: import() is not available to exercise code: ${NOT_AVAILABLE}.` };
  }
  // Thrown by the folder's top-level code while the script ran (isolated-vm copies the error with its stack).
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const thrown = thrownProblem(compiled, call, error instanceof Error ? `${error.name}: ${message}` : message, stack);
  return thrown.ok ? at(message) : thrown.problem;
}
