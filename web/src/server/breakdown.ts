import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync, openSync, readSync } from 'node:fs';
import { env } from '@/env';

/**
 * Where a submission's time goes, for the load benchmark's `LOAD_BREAKDOWN=1` (web/bench/loadBreakdown.ts). With
 * DELTALAB_BREAKDOWN=<file>, each stage of the submit → grade → follow path appends a line to that file: its wall
 * time, the CPU time of this process's main thread meanwhile and, on PGlite, of the database's thread. The benchmark
 * sends submissions one at a time, so what a thread spent during a stage is that stage's. Unset (always, but in that
 * benchmark), a stage is its work and one test.
 */
const file = env.DELTALAB_BREAKDOWN;
// Linux's per-thread CPU clock, nanoseconds: /proc/thread-self resolves to this (main) thread when opened here.
const mainThread = file ? openSync('/proc/thread-self/schedstat', 'r') : null;
// On globalThis: Next bundles the server's start and each route separately; the start learns the thread, and a stage
// in one bundle may run inside a stage of another.
type Shared = { databaseThread?: number; within?: AsyncLocalStorage<string> };
const shared: Shared = ((globalThis as typeof globalThis & { __deltalabBreakdown?: Shared }).__deltalabBreakdown ??= {});
if (file) shared.within ??= new AsyncLocalStorage();
const buffer = Buffer.alloc(64);

function cpuMs(fd: number | null): number | null {
  if (fd === null) return null;
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  return Number(buffer.toString('latin1', 0, length).split(' ')[0]) / 1e6;
}

/** PGlite's thread (its OS id): stages count its CPU time too. */
export function measureDatabaseThread(threadId: number | null): void {
  if (!file || threadId === null) return;
  shared.databaseThread = openSync(`/proc/self/task/${threadId}/schedstat`, 'r');
}

/** Runs one stage (synchronous or not) and, when measuring, appends its figures. */
export function stage<T>(name: string, work: () => T): T {
  if (!file) return work();
  const startedAt = performance.now();
  const cpu = cpuMs(mainThread)!;
  const databaseThread = shared.databaseThread ?? null;
  // The stages this one runs in, outermost first: the benchmark indents it under them.
  const path = [shared.within!.getStore(), name].filter(Boolean).join(' › ');
  const database = cpuMs(databaseThread);
  const done = () =>
    write({
      stage: path,
      startedAt: performance.timeOrigin + startedAt,
      wallMs: performance.now() - startedAt,
      cpuMs: cpuMs(mainThread)! - cpu,
      databaseCpuMs: database === null ? null : cpuMs(databaseThread)! - database,
    });
  const result = shared.within!.run(path, work);
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}

/** A moment in a submission's way (recorded, its followers notified): the benchmark pairs them by id. */
export function mark(name: string, ids: string[]): void {
  if (!file) return;
  const at = performance.timeOrigin + performance.now();
  for (const id of ids) write({ mark: name, id, at });
}

function write(line: Record<string, unknown>): void {
  appendFileSync(file!, `${JSON.stringify({ ...line, pid: process.pid })}\n`);
}
