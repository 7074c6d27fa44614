import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { findRepoRoot } from '../paths';

const WORKER_IN_PACKAGE = join('src', 'pglite', 'pgliteWorker.mjs');

/** db/src/pglite/pgliteWorker.mjs, next to this file or, from a Next.js bundle, under the repository root. */
function workerFile(): string {
  const candidates: string[] = [];
  try {
    candidates.push(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', WORKER_IN_PACKAGE));
  } catch {
    // import.meta.url is not a file: URL when bundled
  }
  candidates.push(join(findRepoRoot(), 'db', WORKER_IN_PACKAGE));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`Cannot find the PGlite worker (looked in ${candidates.join(', ')})`);
  return found;
}

/** Texts the thread is asked to remember: the site's own statements are a few dozen, texts with literals more. */
const MAX_TEXT_IDS = 1024;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type QueryArgs = { sql: string; params?: unknown[]; rowMode?: 'array' | 'object'; rawDates?: boolean; tx?: number };

/**
 * PGlite (Postgres in WASM) running on a worker thread, with the part of PGlite's interface that drizzle, pg-boss
 * and @deltalab/db use: query, exec, transaction, listen, dumpDataDir, close. WASM Postgres runs each statement on
 * the thread that owns it, for a millisecond or more; on its own thread it no longer holds up the web server's
 * requests, and uses the second core. Statements are serialised by PGlite, as in-process.
 */
export class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  /** SQL texts sent to the thread, by the number it knows them by (see run). */
  private readonly textIds = new Map<string, number>();
  private closed = false;
  readonly ready: Promise<void>;
  /** The thread's id as the OS knows it (Linux; null elsewhere): the load benchmark reads its CPU time. */
  threadId: number | null = null;

  constructor(options: { dataDir?: string; loadDataDir?: Blob }) {
    this.worker = new Worker(workerFile(), { workerData: options });
    this.ready = new Promise((resolveReady, rejectReady) => {
      const onMessage = (message: { ready?: true; threadId?: number | null; initError?: Record<string, unknown> }) => {
        if (message.ready) {
          this.threadId = message.threadId ?? null;
          resolveReady();
        } else if (message.initError) rejectReady(toError(message.initError));
        else return;
        this.worker.off('message', onMessage);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', rejectReady);
    });
    this.worker.on(
      'message',
      (message: { id?: number; value?: unknown; error?: Record<string, unknown>; notify?: string; payload?: string }) => {
        if (message.notify !== undefined) {
          for (const listener of this.listeners.get(message.notify) ?? []) listener(message.payload ?? '');
          return;
        }
        if (message.id === undefined) return;
        const call = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) call?.reject(toError(message.error));
        else call?.resolve(message.value);
      },
    );
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the PGlite thread exited (code ${code})`)));
  }

  static async create(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteThread> {
    const thread = new PgliteThread(options);
    await thread.ready;
    return thread;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.run<T>({ sql, params, ...queryOptions(options) });
  }

  exec(sql: string): Promise<Array<Results>> {
    return this.call({ op: 'exec', sql }) as Promise<Array<Results>>;
  }

  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(body: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = (await this.call({ op: 'begin' })) as number;
    const handle = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => this.run<R>({ sql, params, ...queryOptions(options), tx }),
      exec: (sql: string) => this.call({ op: 'exec', sql, tx }),
      closed: false,
    } as unknown as Transaction;
    let result: T;
    try {
      result = await body(handle);
    } catch (error) {
      await this.call({ op: 'end', tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.call({ op: 'end', tx, commit: true });
    return result;
  }

  async listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>> {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    set.add(listener);
    await this.call({ op: 'listen', channel });
    return async () => {
      set.delete(listener);
      if (set.size === 0 && !this.closed) {
        this.listeners.delete(channel);
        await this.call({ op: 'unlisten', channel });
      }
    };
  }

  async dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
    const bytes = (await this.call({ op: 'dump', compression })) as Uint8Array<ArrayBuffer>;
    return new Blob([bytes]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise<void>((resolveExit) => this.worker.once('exit', () => resolveExit()));
    await this.call({ op: 'close' }, true);
    await exited;
  }

  private run<T>(args: QueryArgs): Promise<Results<T>> {
    // A text the thread has seen goes by its number: the site's statements run thousands of times, and copying a
    // few kilobytes of SQL to the thread each time cost more than reading the number.
    // This side alone decides what is remembered: a text sent with a number is kept under it by the thread.
    const { sql, ...rest } = args;
    const known = this.textIds.get(sql);
    if (known !== undefined) return this.call({ op: 'query', ...rest, textId: known }) as Promise<Results<T>>;
    if (this.textIds.size >= MAX_TEXT_IDS) return this.call({ op: 'query', ...rest, sql }) as Promise<Results<T>>;
    const textId = this.textIds.size + 1;
    this.textIds.set(sql, textId);
    return this.call({ op: 'query', ...rest, sql, textId }) as Promise<Results<T>>;
  }

  private call(message: Record<string, unknown>, closing = false): Promise<unknown> {
    if (this.closed && !closing) return Promise.reject(new Error('PGlite is closed'));
    const id = this.nextId++;
    return new Promise((resolveCall, rejectCall) => {
      this.pending.set(id, { resolve: resolveCall, reject: rejectCall });
      this.worker.postMessage({ ...message, id });
    });
  }

  private failAll(error: Error): void {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}

/** PGlite's query options as the thread takes them (drizzle's date parsers are identity functions: a flag here). */
function queryOptions(options: QueryOptions | undefined): Pick<QueryArgs, 'rowMode' | 'rawDates'> {
  return {
    ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
    ...(options?.parsers ? { rawDates: true } : {}),
  };
}

/** An error from the thread with Postgres' fields (code, detail, constraint…) as PGlite gives them. */
function toError(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message ?? 'PGlite error'));
  Object.assign(error, fields);
  return error;
}
