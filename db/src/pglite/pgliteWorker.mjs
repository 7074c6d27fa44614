// PGlite on a thread of its own (see pgliteThread.ts): Postgres compiled to WASM runs every statement on the thread
// that owns it, so here it keeps the web server's main thread free for requests. Plain JavaScript: it must start
// without a TypeScript loader, also from a Next.js server bundle.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { preparedStatements } from './preparedStatements.mjs';

// Postgres' fields (code, detail, constraint, …) are strings and numbers; anything else may not survive the copy.
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = { name: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return fields;
}

const transactions = new Map(); // id → { tx, finish, done }
const listeners = new Map(); // channel → unlisten
let nextTransaction = 1;
class Rollback extends Error {}

let pg;
let statements;
try {
  pg = await PGlite.create({ dataDir: workerData.dataDir, loadDataDir: workerData.loadDataDir });
  statements = preparedStatements(pg);
  parentPort.postMessage({ ready: true, threadId: osThreadId() });
} catch (error) {
  parentPort.postMessage({ initError: serializeError(error) });
  process.exit(1);
}

/** This thread's id as the OS knows it (Linux), so that the load benchmark can read its CPU time; null elsewhere. */
function osThreadId() {
  try {
    return Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

// The main thread sends a statement's text once with its number, then the number alone; it decides which texts are
// remembered (pgliteThread.ts), and those it does not are sent without a number.
const texts = new Map(); // number → SQL text

function queryText(message) {
  if (message.sql === undefined) {
    const text = texts.get(message.textId);
    if (text === undefined) throw new Error(`statement text ${message.textId} is unknown to the PGlite thread`);
    return text;
  }
  if (message.textId !== undefined) texts.set(message.textId, message.sql);
  return message.sql;
}

function target(message) {
  if (message.tx === undefined) return pg;
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`transaction ${message.tx} is not open`);
  return open.tx;
}

async function handle(message) {
  switch (message.op) {
    case 'query': {
      const sql = queryText(message);
      const options = { rowMode: message.rowMode, rawDates: message.rawDates === true };
      // Inside a transaction, PGlite's own query(): rare, and its transaction object holds the connection.
      if (message.tx !== undefined) return target(message).query(sql, message.params, statements.queryOptions(options));
      return statements.run(sql, message.params, options);
    }
    case 'exec':
      return target(message).exec(message.sql);
    case 'begin': {
      const id = nextTransaction++;
      let finish;
      const decided = new Promise((resolve, reject) => (finish = { resolve, reject }));
      return new Promise((opened, failedToOpen) => {
        const done = pg
          .transaction(async (tx) => {
            transactions.set(id, { tx, finish, done });
            opened(id);
            await decided; // rejects with Rollback: PGlite rolls back
          })
          .finally(() => transactions.delete(id));
        done.catch((error) => {
          if (!(error instanceof Rollback)) failedToOpen(error);
        });
      });
    }
    case 'end': {
      const open = transactions.get(message.tx);
      if (!open) throw new Error(`transaction ${message.tx} is not open`);
      if (message.commit) open.finish.resolve();
      else open.finish.reject(new Rollback());
      try {
        await open.done;
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      return null;
    }
    case 'listen': {
      if (!listeners.has(message.channel)) {
        listeners.set(
          message.channel,
          await pg.listen(message.channel, (payload) => parentPort.postMessage({ notify: message.channel, payload })),
        );
      }
      return null;
    }
    case 'unlisten': {
      const unlisten = listeners.get(message.channel);
      listeners.delete(message.channel);
      await unlisten?.();
      return null;
    }
    case 'dump':
      return new Uint8Array(await (await pg.dumpDataDir(message.compression)).arrayBuffer());
    case 'close':
      await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  const reply = (answer) => {
    try {
      parentPort.postMessage(answer);
    } catch (error) {
      // Never leave a caller waiting: a value that cannot be copied is reported as the error it is.
      parentPort.postMessage({ id: message.id, error: serializeError(error) });
    }
  };
  handle(message).then(
    (value) => {
      reply({ id: message.id, value });
      if (message.op === 'close') parentPort.close();
    },
    (error) => reply({ id: message.id, error: serializeError(error) }),
  );
});
