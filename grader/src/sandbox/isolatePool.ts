import ivm from 'isolated-vm';
import { preludeScript } from './bridge';
import { loadTfjsBundle, TFJS_PLATFORM_SETUP, type TfjsFlavour } from './tfjsBundle';

/** The file name the student's module is compiled under: its frames in a stack trace carry it. */
export const STUDENT_FILE = 'submission.js';

export type PoolOptions = {
  /** Isolates that run jobs in parallel (each on its own thread); defaults to 2, the cores of the grading boxes. */
  size?: number;
  /** An isolate is replaced after this many jobs: contexts leave garbage behind that V8 does not always reclaim. */
  maxJobsPerIsolate?: number;
  /** …or as soon as its heap uses more than this fraction of its limit after a job. */
  maxHeapFraction?: number;
};

/** One isolate and what was compiled into it once (the prelude, and tfjs when first needed). */
export class IsolateSlot {
  readonly isolate: ivm.Isolate;
  readonly memoryMb: number;
  jobs = 0;
  retired = false;
  readonly prelude: ivm.Script;
  private readonly tfScripts = new Map<TfjsFlavour, Promise<[ivm.Script, ivm.Script]>>();
  /** Compiled modules, student or exercise (V8 scripts are per isolate, runnable in any of its contexts). */
  private readonly scripts = new Map<string, ivm.Script>();

  /** A student's compiled module (its frames in stack traces carry STUDENT_FILE), or another script under its file name. */
  async studentScript(code: string, filename = STUDENT_FILE): Promise<ivm.Script> {
    const hit = this.scripts.get(code);
    if (hit) {
      // refresh LRU position
      this.scripts.delete(code);
      this.scripts.set(code, hit);
      return hit;
    }
    // On this thread (no hop to the isolate's): compiling is bounded by the source's size limit; running is not.
    const script = this.isolate.compileScriptSync(code, { filename });
    if (this.scripts.size >= 16) {
      const [oldestCode, oldest] = this.scripts.entries().next().value as [string, ivm.Script];
      this.scripts.delete(oldestCode);
      oldest.release();
    }
    this.scripts.set(code, script);
    return script;
  }

  /** A fresh context with the prelude already run, made while the isolate was idle; never used twice. */
  private prepared: Promise<ivm.Context | null> | undefined;

  constructor(memoryMb: number) {
    this.memoryMb = memoryMb;
    this.isolate = new ivm.Isolate({ memoryLimit: memoryMb });
    this.prelude = this.isolate.compileScriptSync(preludeScript(), { filename: 'deltalab-prelude.js' });
  }

  /** tfjs is compiled once per isolate; each job's fresh context only runs it (~6 ms). */
  tfjsScripts(flavour: TfjsFlavour = 'core'): Promise<[ivm.Script, ivm.Script]> {
    let scripts = this.tfScripts.get(flavour);
    if (!scripts) {
      scripts = loadTfjsBundle(flavour).then(async (code) => [
        await this.isolate.compileScript(code, { filename: 'tfjs.js' }),
        await this.isolate.compileScript(TFJS_PLATFORM_SETUP, { filename: 'tfjs-platform.js' }),
      ]);
      this.tfScripts.set(flavour, scripts);
    }
    return scripts;
  }

  /** Trusted scripts run after a student's module (a challenge's training harness), compiled once per isolate. */
  private readonly harnesses = new Map<string, ivm.Script>();
  async harnessScript(code: string): Promise<ivm.Script> {
    let script = this.harnesses.get(code);
    if (!script) {
      script = await this.isolate.compileScript(code, { filename: 'deltalab-harness.js' });
      this.harnesses.set(code, script);
    }
    return script;
  }

  /** Makes the next job's context now (when the last job has answered), off the next job's critical path. */
  prepareContext(): void {
    if (this.prepared || this.disposed) return;
    this.prepared = this.freshContext().catch(() => null);
  }

  /** A never-used context with the prelude run: the prepared one if there is one, else a new one. */
  async takeContext(timeoutMs: number): Promise<ivm.Context> {
    const prepared = this.prepared;
    this.prepared = undefined;
    const context = prepared ? await prepared : null;
    return context ?? this.freshContext(timeoutMs);
  }

  private async freshContext(timeoutMs = 1000): Promise<ivm.Context> {
    const context = this.isolate.createContextSync();
    this.prelude.runSync(context, { timeout: timeoutMs });
    return context;
  }

  get disposed(): boolean {
    return this.isolate.isDisposed;
  }

  dispose(): void {
    this.retired = true;
    this.prepared = undefined;
    this.scripts.clear();
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}

/**
 * A fixed number of isolates, each running one job at a time in a fresh context. Isolates are
 * recycled after N jobs, under heap pressure, and after any limit breach, so one student's leftovers
 * (or a half-broken isolate) never reach the next job.
 */
export class IsolatePool {
  private readonly size: number;
  private readonly maxJobs: number;
  private readonly maxHeapFraction: number;
  private readonly idle: IsolateSlot[] = [];
  private busy = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  /** Counters for tests and the benchmark. */
  readonly stats = { created: 0, retired: 0, jobs: 0 };

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? 2;
    this.maxJobs = options.maxJobsPerIsolate ?? 500;
    this.maxHeapFraction = options.maxHeapFraction ?? 0.5;
  }

  async withIsolate<T>(memoryMb: number, job: (slot: IsolateSlot) => Promise<T>): Promise<T> {
    const slot = await this.acquire(memoryMb);
    try {
      return await job(slot);
    } finally {
      this.release(slot);
    }
  }

  /** Marks an isolate for replacement when the job that used it ends (limit breach, odd state). */
  retire(slot: IsolateSlot): void {
    slot.retired = true;
  }

  private async acquire(memoryMb: number): Promise<IsolateSlot> {
    if (this.closed) throw new Error('The sandbox pool is closed.');
    while (this.busy >= this.size) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.closed) throw new Error('The sandbox pool is closed.');
    }
    this.busy++;
    // oldest idle first: its next context has had the longest time to be prepared
    let slot = this.idle.shift();
    if (slot && (slot.memoryMb !== memoryMb || slot.disposed)) {
      this.discard(slot);
      slot = undefined;
    }
    if (!slot) {
      try {
        slot = new IsolateSlot(memoryMb);
      } catch (error) {
        this.busy--;
        this.waiting.shift()?.();
        throw error;
      }
      this.stats.created++;
    }
    slot.jobs++;
    this.stats.jobs++;
    return slot;
  }

  /**
   * Gives the isolate back once its job is done: on the next turn of the event loop, after the job's result has gone
   * back to its caller, its heap is checked and, if it is kept, the next job's context made, both on this thread. The
   * slot stays busy until then. Synchronous on purpose: each asynchronous call into an isolate is a hop to its thread
   * and back (~0.1–0.2 ms of CPU); the student's own code is the only thing that must run off this thread.
   */
  private release(slot: IsolateSlot): void {
    if (slot.retired || slot.disposed || slot.jobs >= this.maxJobs || this.closed) {
      this.settle(slot, false);
      return;
    }
    setImmediate(() => {
      let keep = false;
      try {
        const heap = slot.isolate.getHeapStatisticsSync();
        keep = heap.used_heap_size + heap.externally_allocated_size <= this.maxHeapFraction * slot.memoryMb * 1024 * 1024;
        if (keep) slot.prepareContext();
      } catch {
        keep = false;
      }
      this.settle(slot, keep);
    });
  }

  /** The end of a job's hold on its slot: kept for the next job (its context already in the making), or discarded. */
  private settle(slot: IsolateSlot, keep: boolean): void {
    this.busy--;
    if (keep && !slot.retired && !slot.disposed && !this.closed) {
      this.idle.push(slot);
    } else {
      this.discard(slot);
    }
    this.waiting.shift()?.();
  }

  private discard(slot: IsolateSlot): void {
    this.stats.retired++;
    slot.dispose();
  }

  /** Disposes every idle isolate; jobs in flight finish, then their isolates are disposed too. */
  close(): void {
    this.closed = true;
    for (const slot of this.idle.splice(0)) this.discard(slot);
    for (const wake of this.waiting.splice(0)) wake();
  }
}
