import ivm from 'isolated-vm';
import { assertPlainData, RUN_CASES_CALL, type CaseOutcome, type RunCasesResult } from './bridge';
import { checkCompiledModule, compileSubmission, type CompiledModule } from './compileSubmission';
import { STUDENT_FILE, type IsolatePool, type IsolateSlot } from './isolatePool';
import { PendingPastDeadline, withinDeadline } from './deadline';
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
  /**
   * The source compiled by the supervising process (compileModule), as a grading child receives it: a child may not
   * run esbuild. Absent, the source is compiled here.
   */
  compiled?: CompiledModule;
  cases: SandboxCase[];
  limits?: Partial<SandboxLimits>;
  usesTf?: boolean;
  /** Load tfjs-layers too (tf.sequential, model.fit): challenges' Verify. Implies usesTf. */
  tfLayers?: boolean;
  /**
   * A trusted script run after the student's module, in the same context, before the cases: a challenge's training
   * harness, which registers the entry the cases call (the student's exports stay on `__deltalabStudent`).
   */
  harness?: string;
};

type SandboxTimings = { compileMs: number; setupMs: number; runMs: number; totalMs: number };

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

  const usesTf = job.usesTf === true || job.tfLayers === true;
  const checks = { sourceBytes: limits.sourceBytes, allowTf: usesTf };
  const compiled = job.compiled ? checkCompiledModule(job.compiled, job.source, checks) : await compileSubmission(job.source, checks);
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
      if (usesTf) {
        const [tfjs, platform] = await slot.tfjsScripts(job.tfLayers ? 'layers' : 'core');
        await tfjs.run(context, { timeout: remaining() });
        await platform.run(context, { timeout: remaining() });
      }
      phase = 'load';
      const script = await slot.studentScript(compiled.code);
      await script.run(context, { timeout: remaining() });
      if (job.harness) await (await slot.harnessScript(job.harness)).run(context, { timeout: remaining() });
      timings.setupMs = now() - setupStarted;

      phase = 'run';
      const runStarted = now();
      const result = (await withinDeadline(
        context.evalClosure(RUN_CASES_CALL, [casesCopy(job.cases).copyInto(), limits.outputBytes], {
          result: { copy: true, promise: true },
          timeout: remaining(),
        }),
        remaining(),
        slot,
      )) as RunCasesResult;
      timings.runMs = now() - runStarted;

      const problem = assertPlainData(result);
      if (problem) return fail({ kind: 'output', message: problem });
      if (result.fatal) return fail({ kind: result.fatal.kind, message: result.fatal.message }, [], result.logs);
      // isolated-vm has no module loader: import() of a name computed at run time rejects with this exact error.
      if (result.outcomes.some((o) => !o.ok && o.message === `Error: ${IMPORT_REFUSED}`)) return fail(IMPORT_FORBIDDEN);
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

const IMPORT_REFUSED = 'Not supported';
const IMPORT_FORBIDDEN: SandboxError = {
  kind: 'forbidden',
  message: 'import() is not available in the sandbox: the grader provides no modules at run time.',
};

/**
 * isolated-vm ends a call by throwing the first Promise rejection nothing handled, after the call's own code is
 * done. What the student's code rejected with has their file in its stack, or is not an Error at all.
 */
function isStudentRejection(error: unknown): boolean {
  return !(error instanceof Error) || (error.stack ?? '').includes(STUDENT_FILE);
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  try {
    return `Thrown value: ${JSON.stringify(error) ?? String(error)}`;
  } catch {
    return 'Thrown value that could not be described';
  }
}

function classifyFailure(
  error: unknown,
  slot: IsolateSlot,
  limits: SandboxLimits,
  phase: 'setup' | 'load' | 'run',
  retire: () => void,
): SandboxError {
  const message = error instanceof Error ? error.message : String(error);
  const timeout = (): SandboxError => {
    retire();
    return {
      kind: 'timeout',
      message: `Your code ran longer than the time limit of ${limits.timeMs} ms (all cases together): look for an infinite loop, a loop that never ends or a Promise that never settles.`,
    };
  };
  // Our deadline disposed the isolate itself: a timeout, not a memory breach.
  if (error instanceof PendingPastDeadline) return timeout();
  if (slot.disposed || /memory limit/i.test(message)) {
    retire();
    return {
      kind: 'memory',
      message: `Your code used more than the memory limit of ${limits.memoryMb} MB.`,
    };
  }
  if (/timed out/i.test(message)) return timeout();
  if (message === IMPORT_REFUSED) {
    retire();
    return IMPORT_FORBIDDEN;
  }
  if (phase === 'load') {
    // An exception at the top level of the student's module (or a Promise it rejected there and left unhandled).
    return { kind: 'runtime', message: `Your code threw while loading: ${describeThrown(error).slice(0, 1000)}` };
  }
  if (phase === 'run' && isStudentRejection(error)) {
    return {
      kind: 'runtime',
      message:
        `Your code left a rejected Promise unhandled: ${describeThrown(error).slice(0, 1000)}. ` +
        'Await every Promise you create (or return it), so that its error belongs to the case that caused it.',
    };
  }
  if (error instanceof Error && error.name === 'SyntaxError') {
    // V8 refused something esbuild let through
    return { kind: 'syntax', message: `Syntax error: ${message.slice(0, 500)}` };
  }
  // Anything else is ours, not the student's: keep the isolate out of rotation.
  retire();
  return { kind: 'internal', message: `The sandbox failed (${phase}): ${message.slice(0, 500)}` };
}
