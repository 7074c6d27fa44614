import type { ChildProcess } from 'node:child_process';
import { findExercise, type VariantSelector } from '@deltalab/exercises';
import { compileExerciseFolder, type FolderProblem } from '../authored/compileExerciseFolder';
import type { CompiledFolder } from '../authored/inspectExerciseFolder';
import type { GradeRequest, GradeResult } from '../protocol';
import { SOLVED_VARIANTS_KEPT } from '../reference/solvedVariants';
import { compileModule, warmUpCompiler } from '../sandbox/compileSubmission';
import { prepareChildAssets } from './childAssets';
import type { AuthoringOutcome, AuthoringTask, CompiledForGrade, FromChild, ToChild } from './childMessages';
import { spawnGradingChild } from './spawnGradingChild';

export type ProcessPoolOptions = {
  /** Grading child processes (default 2). Each one that dies takes only its own jobs with it. */
  children?: number;
  /** Isolates in each child, i.e. jobs a child grades at once (default 2). */
  isolatesPerChild?: number;
  /**
   * Children kept started and warm but idle, to take over at once from one that dies (default 1): a new child needs a
   * couple of seconds to load the grader and warm up, and under a stream of heap bombs those seconds add up.
   */
  spares?: number;
  /** OS ceiling on each child's writable memory, MB (default 1536; see spawnGradingChild). */
  memoryCeilingMb?: number;
  /**
   * A job its child has not answered this long past the job's own time limit means the child hung (student code
   * V8 could not interrupt, or a wedged isolate): the child is killed. Default 15 s.
   */
  unresponsiveGraceMs?: number;
  /** Whom children run as when this process is root (a user name or uid; default `nobody`): see gradingChildUser. */
  user?: string | number;
  /** Node's permission model around each child (default: on, where this Node has it with addons). */
  permissions?: boolean;
  /** Where child output and deaths are reported (default: stderr). */
  log?: (line: string) => void;
};

/** What grading one request in a child came to. */
export type ChildGrade =
  | { kind: 'graded'; result: GradeResult }
  /** The request itself cannot be graded (GradeRequestError in the child). */
  | { kind: 'refused'; message: string }
  /** The child died (abort, OOM kill, crash) or was killed for not answering while it held this job. */
  | {
      kind: 'crashed';
      cause: 'died' | 'unresponsive';
      detail: string;
      /** V8 reported its heap exhausted as the child died. */
      heapExhausted: boolean;
      /** This was the only job the child held: nobody else's code ran there. */
      sole: boolean;
      /** The child died while an authored exercise's own code ran (in this file), not the student's. */
      exerciseFile?: string;
    };

/** Children an authored exercise's own code may take down before its version is quarantined, and for how long. */
const EXERCISE_DEATHS_BEFORE_QUARANTINE = 2;
const QUARANTINE_MS = 60 * 60 * 1000;

/** What an authoring task in a child came to: its outcome, or the child died under it. */
export type ChildAuthoring = { kind: 'done'; outcome: AuthoringOutcome } | Extract<ChildGrade, { kind: 'crashed' }>;

/** An authoring task whose child died, as a problem: the file whose code was running (the child said), else the reference. */
export function authoringCrashProblem(crash: Extract<ChildGrade, { kind: 'crashed' }>): FolderProblem {
  const file = crash.exerciseFile ?? 'reference.ts';
  return {
    file,
    message: `${file}: the exercise's code took down its grading process (${crash.detail}): look for a loop or an allocation that never ends.`,
  };
}

/** What grading through child processes needs of a pool (GradingProcessPool is the one; tests wrap it to inject faults). */
export interface GradingPool {
  /** Jobs graded at once. */
  readonly capacity: number;
  /** Each child's OS memory ceiling, MB (named in the message of a job that brought a child down). */
  readonly memoryCeilingMb: number;
  grade(request: GradeRequest, options?: { alone?: boolean; timeLimitMs?: number }): Promise<ChildGrade>;
}

export class PoolClosedError extends Error {
  constructor() {
    super('The grading process pool is closed.');
    this.name = 'PoolClosedError';
  }
}

type Job = {
  id: number;
  /** What the child is asked, with what the supervisor compiled for it: grade a request, or an authoring task. */
  work:
    | { type: 'grade'; request: GradeRequest; compiled: CompiledForGrade }
    | { type: 'author'; task: AuthoringTask; compiled: CompiledFolder };
  /** Hash of exercise and variant: the same variant goes to the same child when it has room (its cached reference). */
  affinity: number;
  /** Run with no other job in the same child (a job that already killed one child). */
  alone: boolean;
  timeLimitMs: number;
  settle(reply: ChildGrade | ChildAuthoring): void;
  fail(error: Error): void;
  child?: Child;
  watchdog?: NodeJS.Timeout;
  unresponsive?: boolean;
  /** The child acknowledged it: only then can the child's death be the job's doing. */
  started?: boolean;
  /** Whose code runs now, as the child reported (authored exercises' jobs only): the exercise's, in this file. */
  exerciseFile?: string;
};

/** What a ready child said of itself: whom it runs as, the names of its environment variables, its walls. */
export type ChildReport = { pid: number | undefined; uid: number | null; envKeys: string[]; permissionModel: boolean };

type Child = {
  process: ChildProcess;
  ready: boolean;
  /** Started and warm, held in reserve: given no jobs until an active child dies. */
  spare: boolean;
  jobs: Map<number, Job>;
  /** An `alone` job waiting for this child to empty: nothing else is sent here meanwhile. */
  reservedFor: Job | null;
  /** The end of its stderr, kept to say why it died. */
  stderrTail: string;
  report?: ChildReport;
};

const TAIL_BYTES = 4096;
// tfjs greets every process that has no native backend; the children never want one.
const NOISE = /^(=+|\s*|.*TensorFlow\.js in Node\.js.*|.*tfjs-node for more details.*)$/;

/**
 * The supervisor's side of process containment: a small, reused pool of grading child processes, each with its own
 * isolate pool. Student code runs only there. A child that dies mid-job (V8 abort on a heap OOM inside an isolate,
 * the OS memory ceiling, a crash, a kill) fails only the jobs it held, as `crashed`, and is replaced at once; the
 * caller decides what a crash means for the job (see gradeContained).
 */
export class GradingProcessPool implements GradingPool {
  readonly size: number;
  readonly spares: number;
  readonly isolatesPerChild: number;
  readonly memoryCeilingMb: number;
  private readonly graceMs: number;
  private readonly user: string | number | undefined;
  private readonly permissions: boolean | undefined;
  private readonly log: (line: string) => void;
  private readonly children = new Set<Child>();
  /** Catalogue variants sent to a child to solve ahead (prepare), the oldest first. */
  private readonly prepared = new Set<string>();
  private readonly pending: Job[] = [];
  private nextJobId = 1;
  private closed = false;
  /** Children that died before they were ready, in a row: restarts back off so a broken setup does not spin. */
  private earlyDeaths = 0;
  private readyWaiters: Array<() => void> = [];
  private readonly restarts = new Set<NodeJS.Timeout>();
  readonly stats = { spawned: 0, died: 0, graded: 0 };
  /**
   * Versions of authored exercises whose own code took down children (folder hash → deaths, and until when it is
   * quarantined): a reference that exhausts memory for the variants Validate does not try must not cost a child per
   * submission. Its jobs are answered at once while quarantined (as the exercise's fault: no attempt is used).
   */
  private readonly exerciseDeaths = new Map<string, { deaths: number; until: number; file: string }>();

  constructor(options: ProcessPoolOptions = {}) {
    this.size = options.children ?? 2;
    this.spares = options.spares ?? 1;
    this.isolatesPerChild = options.isolatesPerChild ?? 2;
    this.memoryCeilingMb = options.memoryCeilingMb ?? 1536;
    this.graceMs = options.unresponsiveGraceMs ?? 15_000;
    this.user = options.user;
    this.permissions = options.permissions;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    for (let i = 0; i < this.size + this.spares; i++) this.spawn();
    // Load the compiler while the children start, not on the first submission (sucrase: ~80 ms).
    void warmUpCompiler();
  }

  /** Jobs graded at once when every child is up. */
  get capacity(): number {
    return this.size * this.isolatesPerChild;
  }

  /** Process ids of the live children, spares included (tests kill them; the load benchmark adds up their CPU). */
  childPids(): number[] {
    return [...this.children].flatMap((child) => (child.process.pid === undefined ? [] : [child.process.pid]));
  }

  /** Process ids of the children given jobs now (not the spares). */
  activeChildPids(): number[] {
    return this.active().flatMap((child) => (child.process.pid === undefined ? [] : [child.process.pid]));
  }

  /** Resolves once every active child has loaded the grader (the first jobs do not wait for start-up then). */
  ready(): Promise<void> {
    if (this.allReady()) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Grades one request in a child. Never rejects for anything the student did: a child that dies while holding the
   * job resolves as `crashed`. Rejects only with PoolClosedError.
   */
  grade(request: GradeRequest, options: { alone?: boolean; timeLimitMs?: number } = {}): Promise<ChildGrade> {
    const quarantined = this.quarantine(request.folder?.hash);
    if (quarantined)
      return Promise.resolve({
        kind: 'crashed',
        cause: 'died',
        detail: quarantined.detail,
        heapExhausted: false,
        sole: true,
        exerciseFile: quarantined.file,
      });
    const affinity = variantAffinity(request.folder?.hash ?? request.exercise, request.variant);
    return this.compileForGrade(request).then((compiled) =>
      'refused' in compiled
        ? { kind: 'refused' as const, message: compiled.refused }
        : (this.enqueue({ type: 'grade', request, compiled }, affinity, options) as Promise<ChildGrade>),
    );
  }

  /**
   * Readies a grade that is coming (its submission is being checked and stored): has the child its variant will go to
   * solve the variant's reference (a catalogue exercise's; the first grade of a variant otherwise waits 2–10 ms for
   * it) while the caller's statements run. It grades nothing and runs no one's code: a variant is sent once (while it
   * is among the last SOLVED_VARIANTS_KEPT, as many as a child keeps solved), to a child that is ready.
   */
  prepare(request: { exercise: string; variant: VariantSelector }): void {
    if (this.closed) return;
    const key = variantKey(request.exercise, request.variant);
    if (this.prepared.has(key) || !findExercise(request.exercise)) return;
    // The child the variant's grade will prefer.
    const child = this.preferredChild(hash(key));
    if (!child?.ready || !child.process.connected) return;
    if (this.prepared.size >= SOLVED_VARIANTS_KEPT) this.prepared.delete(this.prepared.values().next().value as string);
    this.prepared.add(key);
    child.process.send({ type: 'prepare', exercise: request.exercise, variant: request.variant } satisfies ToChild);
  }

  /**
   * Compiles here what the child will run (it may not start esbuild's process): the submission's code, whatever its
   * exercise (the child applies the exercise's own rules), and an authored exercise's folder. Both are cached.
   */
  private async compileForGrade(request: GradeRequest): Promise<CompiledForGrade | { refused: string }> {
    const compiled: CompiledForGrade = {};
    if (request.folder) {
      const folder = await compileExerciseFolder(request.folder);
      if (!folder.ok)
        return { refused: `Exercise '${request.exercise}' (version ${request.folder.hash}) does not load: ${folder.problem.message}` };
      compiled.folder = folder.compiled;
    }
    const submission = request.submission;
    if (submission.kind === 'code' || submission.kind === 'retrain') compiled.submission = await compileModule(submission.code);
    return compiled;
  }

  /**
   * Runs an authoring task (Validate, or a variant as a student sees it) on a site-authored folder in a child: the
   * author's code is compiled here and run there in isolates, never in this process. Resolves as `crashed` if the
   * child dies under it. The time limit covers the whole task (Validate grades 21 variants).
   */
  async author(task: AuthoringTask, options: { timeLimitMs?: number } = {}): Promise<ChildAuthoring> {
    const variant = task.kind === 'instantiate' ? task.variant : 'validate';
    const quarantined = this.quarantine(task.folder.hash);
    if (quarantined)
      return {
        kind: 'crashed',
        cause: 'died',
        detail: quarantined.detail,
        heapExhausted: false,
        sole: true,
        exerciseFile: quarantined.file,
      };
    const folder = await compileExerciseFolder(task.folder);
    if (!folder.ok) {
      const { problem } = folder;
      return {
        kind: 'done',
        outcome:
          task.kind === 'validate'
            ? { kind: 'validated', validation: { ok: false, hash: task.folder.hash, problems: [problem], variantsChecked: 0 } }
            : { kind: 'invalid', ...problem },
      };
    }
    const compiled: CompiledFolder = { exercise: folder.compiled };
    if (task.kind === 'validate') {
      const [solution, knownWrong] = [task.folder.files['solution.ts'], task.folder.files['known-wrong.ts']];
      if (solution !== undefined) compiled.solution = await compileModule(solution);
      if (knownWrong !== undefined) compiled.knownWrong = await compileModule(knownWrong);
    }
    return this.enqueue({ type: 'author', task, compiled }, hash(`${task.folder.hash}#${variant}`), {
      timeLimitMs: options.timeLimitMs ?? 60_000,
    }) as Promise<ChildAuthoring>;
  }

  /** Whether an authored exercise's version is quarantined now (its code took down too many children). */
  private quarantine(hash: string | undefined): { file: string; detail: string } | null {
    const record = hash === undefined ? undefined : this.exerciseDeaths.get(hash);
    if (!record || record.deaths < EXERCISE_DEATHS_BEFORE_QUARANTINE || record.until < Date.now()) return null;
    return {
      file: record.file,
      detail: `its ${record.file} took down ${record.deaths} grading processes; this version is not run again until ${new Date(record.until).toISOString()}`,
    };
  }

  private countExerciseDeath(job: Job): void {
    const hash = job.work.type === 'grade' ? job.work.request.folder?.hash : job.work.task.folder.hash;
    if (!hash || !job.exerciseFile) return;
    const record = this.exerciseDeaths.get(hash);
    const deaths = record && record.until >= Date.now() ? record.deaths + 1 : 1;
    this.exerciseDeaths.set(hash, { deaths, until: Date.now() + QUARANTINE_MS, file: job.exerciseFile });
    if (deaths === EXERCISE_DEATHS_BEFORE_QUARANTINE)
      this.log(`authored exercise version ${hash}: its ${job.exerciseFile} took down ${deaths} grading processes; quarantined for an hour`);
  }

  /** What each ready child said of itself (tests check whom children run as and what they were given). */
  childReports(): ChildReport[] {
    return [...this.children].flatMap((child) => (child.report ? [child.report] : []));
  }

  private enqueue(
    work: Job['work'],
    affinity: number,
    options: { alone?: boolean; timeLimitMs?: number },
  ): Promise<ChildGrade | ChildAuthoring> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    return new Promise<ChildGrade | ChildAuthoring>((resolve, reject) => {
      this.pending.push({
        id: this.nextJobId++,
        work,
        affinity,
        alone: options.alone ?? false,
        timeLimitMs: options.timeLimitMs ?? 2_000,
        settle: resolve,
        fail: reject,
      });
      this.pump();
    });
  }

  /**
   * Stops taking jobs. Jobs in flight get up to `graceMs` to finish; then the children are stopped and whatever
   * is still pending or in flight rejects with PoolClosedError (a queue retries it later).
   */
  async close({ graceMs = 5_000 } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.restarts) clearTimeout(timer);
    for (const job of this.pending.splice(0)) job.fail(new PoolClosedError());
    const deadline = Date.now() + graceMs;
    while ([...this.children].some((child) => child.jobs.size > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([...this.children].map((child) => this.stopChild(child)));
  }

  private active(): Child[] {
    return [...this.children].filter((child) => !child.spare);
  }

  private allReady(): boolean {
    const active = this.active();
    return active.length >= this.size && active.every((child) => child.ready);
  }

  /** Puts ready spares to work while fewer than `size` children are active. */
  private promoteSpares(): void {
    for (const child of this.children) {
      if (this.active().length >= this.size) return;
      if (child.spare && child.ready) child.spare = false;
    }
  }

  /** Starts a child once the assets it runs are prepared (built once per version of the sources). */
  private spawn(): void {
    prepareChildAssets().then(
      (assets) => {
        if (this.closed) return;
        this.start(
          spawnGradingChild({
            isolates: this.isolatesPerChild,
            memoryCeilingMb: this.memoryCeilingMb,
            assets,
            ...(this.user === undefined ? {} : { user: this.user }),
            ...(this.permissions === undefined ? {} : { permissions: this.permissions }),
          }),
        );
      },
      (error: unknown) => {
        this.log(`grading child cannot start: ${error instanceof Error ? error.message : String(error)}`);
        this.earlyDeaths++;
        this.scheduleRestart();
      },
    );
  }

  private start(proc: ChildProcess): void {
    // Every new child starts as a spare; promoteSpares puts it to work once it is ready, if a place is free.
    const child: Child = { process: proc, ready: false, spare: true, jobs: new Map(), reservedFor: null, stderrTail: '' };
    this.children.add(child);
    this.stats.spawned++;
    const forward = (chunk: Buffer) => {
      const text = chunk.toString();
      child.stderrTail = (child.stderrTail + text).slice(-TAIL_BYTES);
      for (const line of text.split('\n')) if (!NOISE.test(line)) this.log(`[grading child ${proc.pid}] ${line}`);
    };
    proc.stdout?.on('data', forward);
    proc.stderr?.on('data', forward);
    proc.on('message', (message: FromChild) => this.onMessage(child, message));
    // 'close', not 'exit': by then its stderr is read to the end, so the tail says why it died.
    proc.once('close', (code, signal) => this.onExit(child, code, signal));
    // A spawn failure (no /bin/sh, no node) is reported here, then as an exit.
    proc.on('error', (error) => this.log(`[grading child ${proc.pid ?? '?'}] ${error.message}`));
  }

  private onMessage(child: Child, message: FromChild): void {
    if (message.type === 'ready') {
      child.ready = true;
      child.report = { pid: child.process.pid, uid: message.uid, envKeys: message.envKeys, permissionModel: message.permissionModel };
      this.earlyDeaths = 0;
      this.promoteSpares();
      if (this.allReady()) for (const wake of this.readyWaiters.splice(0)) wake();
      this.pump();
      return;
    }
    const job = child.jobs.get(message.id);
    if (!job) return;
    if (message.type === 'started') {
      job.started = true;
      return;
    }
    if (message.type === 'phase') {
      job.exerciseFile = message.phase === 'exercise' ? message.file : undefined;
      return;
    }
    this.finish(child, job);
    this.stats.graded++;
    job.settle(
      message.type === 'graded'
        ? { kind: 'graded', result: message.result }
        : message.type === 'authored'
          ? { kind: 'done', outcome: message.outcome }
          : { kind: 'refused', message: message.message },
    );
    this.pump();
  }

  private onExit(child: Child, code: number | null, signal: NodeJS.Signals | null): void {
    this.children.delete(child);
    this.promoteSpares();
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const held = [...child.jobs.values()];
    const words = lastWords(child.stderrTail);
    if (!this.closed) {
      this.stats.died++;
      if (!child.ready) this.earlyDeaths++;
      if (held.length > 0 || !child.ready) {
        this.log(`grading child ${child.process.pid ?? '?'} ended (${how}) holding ${held.length} job(s)${words ? `: ${words}` : ''}`);
      }
    }
    const detail = `grading process ended (${how})${words ? `: ${words}` : ''}`;
    const heapExhausted = words === HEAP_EXHAUSTED;
    const started = held.filter((job) => job.started);
    for (const job of held) {
      this.finish(child, job);
      if (this.closed) job.fail(new PoolClosedError());
      else if (!job.started) {
        // Sent to a child already dying (killed from outside, or by a neighbour, before the job arrived): it never
        // ran there, so it goes back to the queue with no death counted against it.
        job.child = undefined;
        this.pending.unshift(job);
      } else {
        this.countExerciseDeath(job);
        job.settle({
          kind: 'crashed',
          cause: job.unresponsive ? 'unresponsive' : 'died',
          detail,
          heapExhausted,
          sole: started.length === 1,
          ...(job.exerciseFile ? { exerciseFile: job.exerciseFile } : {}),
        });
      }
    }
    for (const job of this.pending) if (job.child === child) job.child = undefined;
    if (this.closed) return;
    this.scheduleRestart();
    this.pump();
  }

  /** A replacement child, at once, or backing off while children die before they are ready (a broken setup). */
  private scheduleRestart(): void {
    const delay = this.earlyDeaths === 0 ? 0 : Math.min(10_000, 250 * 2 ** (this.earlyDeaths - 1));
    if (delay > 0) this.log(`grading child start failed ${this.earlyDeaths} time(s) in a row: next start in ${delay} ms`);
    // Not unref'd: a caller waiting on a job keeps nothing else alive while the replacement starts.
    const restart = setTimeout(() => {
      this.restarts.delete(restart);
      if (!this.closed) {
        this.spawn();
        this.pump();
      }
    }, delay);
    this.restarts.add(restart);
  }

  private finish(child: Child, job: Job): void {
    clearTimeout(job.watchdog);
    child.jobs.delete(job.id);
    if (child.reservedFor === job) child.reservedFor = null;
  }

  /**
   * Sends pending jobs to children with room, oldest first: to the child its exercise and variant hash to when that
   * one has room (each child caches the reference cases it computed), else the least loaded. An `alone` job (one whose
   * child died under it) goes to an idle spare, or reserves an active child and waits for it to empty.
   */
  private pump(): void {
    if (this.closed) return;
    for (const job of [...this.pending]) {
      if (job.alone) {
        if (!job.child || !this.children.has(job.child)) {
          // An idle spare first: it is the one child whose loss costs no capacity (a suspect that kills it takes none
          // of the working children's places); else an active child, drained of its jobs first.
          const child = this.idleSpare() ?? this.leastLoaded((c) => c.reservedFor === null);
          if (!child) continue;
          child.reservedFor = job;
          job.child = child;
        }
        if (job.child.jobs.size === 0) this.dispatch(job, job.child);
      } else {
        const hasRoom = (c: Child) => c.ready && c.process.connected && c.reservedFor === null && c.jobs.size < this.isolatesPerChild;
        const preferred = this.preferredChild(job.affinity);
        const child = preferred && hasRoom(preferred) ? preferred : this.leastLoaded(hasRoom);
        if (child) this.dispatch(job, child);
      }
    }
  }

  /** The active child a job of this affinity goes to when it has room (each child caches the variants it solved). */
  private preferredChild(affinity: number): Child | undefined {
    const live = this.active();
    return live[affinity % live.length];
  }

  private idleSpare(): Child | undefined {
    return [...this.children].find((c) => c.spare && c.ready && c.process.connected && c.reservedFor === null && c.jobs.size === 0);
  }

  private leastLoaded(eligible: (child: Child) => boolean): Child | undefined {
    let best: Child | undefined;
    for (const child of this.children) {
      if (child.spare || !child.ready || !child.process.connected || !eligible(child)) continue;
      if (!best || child.jobs.size < best.jobs.size) best = child;
    }
    return best;
  }

  private dispatch(job: Job, child: Child): void {
    this.pending.splice(this.pending.indexOf(job), 1);
    job.child = child;
    child.jobs.set(job.id, job);
    job.watchdog = setTimeout(() => {
      job.unresponsive = true;
      this.log(`grading child ${child.process.pid} did not answer ${this.graceMs} ms past a job's time limit: killing it`);
      child.process.kill('SIGKILL');
    }, job.timeLimitMs + this.graceMs);
    job.watchdog.unref();
    const message: ToChild =
      job.work.type === 'grade'
        ? { type: 'grade', id: job.id, request: job.work.request, compiled: job.work.compiled }
        : { type: 'author', id: job.id, task: job.work.task, compiled: job.work.compiled };
    child.process.send(message);
  }

  private async stopChild(child: Child): Promise<void> {
    const proc = child.process;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    // A child exits by itself when its IPC channel closes; SIGKILL if it does not within a second.
    if (proc.connected) proc.disconnect();
    else proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 1_000);
    await exited;
    clearTimeout(timer);
  }
}

const HEAP_EXHAUSTED = 'V8 heap out of memory';

/** Why a child died, from the end of its stderr: V8's fatal heap OOM if it says so, else its last line. */
function lastWords(tail: string): string {
  const lines = tail.split('\n').filter((line) => !NOISE.test(line));
  if (lines.some((line) => /CALL_AND_RETRY_LAST|is_heap_oom = 1|heap out of memory/i.test(line))) return HEAP_EXHAUSTED;
  const fatal = lines.find((line) => /FATAL ERROR|out of memory|terminate called|Segmentation fault/i.test(line));
  return (fatal ?? lines[lines.length - 1] ?? '').trim().slice(0, 300);
}

/** A variant of an exercise (a catalogue slug, or an authored folder's hash). */
function variantKey(exercise: string, variant: VariantSelector | undefined): string {
  return `${exercise}#${variant ?? 'canonical'}`;
}

/** Where a variant's jobs go: its key, hashed. */
function variantAffinity(exercise: string, variant: VariantSelector | undefined): number {
  return hash(variantKey(exercise, variant));
}

/** FNV-1a, 32 bits: a cheap, stable spread of exercise-variant keys over the children. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
