import ivm from 'isolated-vm';
import { assertPlainData, RUN_CASES_CALL, type CaseOutcome, type RunCasesResult } from './bridge';
import { compileSubmission } from './compileSubmission';
import type { IsolatePool, IsolateSlot } from './isolatePool';
import { resolveLimits, type SandboxError, type SandboxLimits } from './limits';

export type SandboxCase = {
  /** Exported function to call. */
  entry: string;
  /** Arguments for the entry function; copied into the isolate. A case list is serialized once and must not be mutated afterwards. */
  args: unknown[];
  /** Collect console output for this case (visible cases only: hidden inputs must not leak). */
  captureLogs?: boolean;
};

export type SandboxJob = {
  source: string;
  cases: SandboxCase[];
  limits?: Partial<SandboxLimits>;
  usesTf?: boolean;
};

export type SandboxTimings = { compileMs: number; setupMs: number; runMs: number; totalMs: number };

export type SandboxRun =
  | { ok: true; outcomes: CaseOutcome[]; logs: string; timings: SandboxTimings }
  | { ok: false; error: SandboxError; outcomes: CaseOutcome[]; logs: string; timings: SandboxTimings };

const now = () => performance.now();

/**
 * The cases serialized once per case list (graders reuse the same list for every submission of a variant):
 * each job then only deserializes them into its context.
 */
const copies = new WeakMap<readonly SandboxCase[], ivm.ExternalCopy>();
function casesCopy(cases: readonly SandboxCase[]): ivm.ExternalCopy {
  let copy = copies.get(cases);
  if (!copy) {
    copy = new ivm.ExternalCopy(cases.map((c) => ({ entry: c.entry, args: c.args, captureLogs: c.captureLogs === true })));
    copies.set(cases, copy);
  }
  return copy;
}

/**
 * Compiles the submission, then runs every case in a fresh context of a pooled isolate under the job's
 * limits. Limit breaches and load-time failures end the job with a specific error; an exception in one
 * case only fails that case.
 */
export async function runInSandbox(pool: IsolatePool, job: SandboxJob): Promise<SandboxRun> {
  const limits = resolveLimits(job.limits);
  const started = now();
  const timings: SandboxTimings = { compileMs: 0, setupMs: 0, runMs: 0, totalMs: 0 };
  const fail = (error: SandboxError, outcomes: CaseOutcome[] = [], logs = ''): SandboxRun => {
    timings.totalMs = now() - started;
    return { ok: false, error, outcomes, logs, timings };
  };

  const compiled = await compileSubmission(job.source, { sourceBytes: limits.sourceBytes, allowTf: job.usesTf === true });
  timings.compileMs = now() - started;
  if (!compiled.ok) return fail(compiled.error);

  return pool.withIsolate(limits.memoryMb, async (slot) => {
    const deadline = now() + limits.timeMs;
    const remaining = () => Math.max(1, Math.floor(deadline - now()));
    let context: ivm.Context | undefined;
    let phase: 'setup' | 'load' | 'run' = 'setup';
    try {
      const setupStarted = now();
      context = await slot.takeContext(remaining());
      if (job.usesTf) {
        const [tfjs, platform] = await slot.tfjsScripts();
        await tfjs.run(context, { timeout: remaining() });
        await platform.run(context, { timeout: remaining() });
      }
      phase = 'load';
      const script = await slot.studentScript(compiled.code);
      await script.run(context, { timeout: remaining() });
      timings.setupMs = now() - setupStarted;

      phase = 'run';
      const runStarted = now();
      const result = (await context.evalClosure(RUN_CASES_CALL, [casesCopy(job.cases).copyInto(), limits.outputBytes], {
        result: { copy: true },
        timeout: remaining(),
      })) as RunCasesResult;
      timings.runMs = now() - runStarted;

      const problem = assertPlainData(result);
      if (problem) return fail({ kind: 'output', message: problem });
      if (result.fatal) return fail({ kind: result.fatal.kind, message: result.fatal.message }, [], result.logs);
      timings.totalMs = now() - started;
      return { ok: true, outcomes: result.outcomes, logs: result.logs, timings };
    } catch (error) {
      return fail(classifyFailure(error, slot, limits, phase, () => pool.retire(slot)));
    } finally {
      if (context) {
        try {
          context.release();
        } catch {
          // the isolate may already be gone
        }
      }
    }
  });
}

function classifyFailure(
  error: unknown,
  slot: IsolateSlot,
  limits: SandboxLimits,
  phase: 'setup' | 'load' | 'run',
  retire: () => void,
): SandboxError {
  const message = error instanceof Error ? error.message : String(error);
  if (slot.disposed || /memory limit/i.test(message)) {
    retire();
    return {
      kind: 'memory',
      message: `Your code used more than the memory limit of ${limits.memoryMb} MB.`,
    };
  }
  if (/timed out/i.test(message)) {
    retire();
    return {
      kind: 'timeout',
      message: `Your code ran longer than the time limit of ${limits.timeMs} ms (all cases together): look for an infinite loop or a loop that never ends.`,
    };
  }
  if (message === 'Not supported') {
    // isolated-vm refuses import() with an uncatchable error: there is no module loader in the isolate.
    retire();
    return { kind: 'forbidden', message: 'import() is not available in the sandbox: the grader provides no modules at run time.' };
  }
  if (phase === 'load') {
    // An exception at the top level of the student's module.
    const named = error instanceof Error && error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
    return { kind: 'runtime', message: `Your code threw while loading: ${named.slice(0, 1000)}` };
  }
  if (error instanceof Error && error.name === 'SyntaxError') {
    // V8 refused something esbuild let through
    return { kind: 'syntax', message: `Syntax error: ${message.slice(0, 500)}` };
  }
  // Anything else is ours, not the student's: keep the isolate out of rotation.
  retire();
  return { kind: 'internal', message: `The sandbox failed (${phase}): ${message.slice(0, 500)}` };
}
