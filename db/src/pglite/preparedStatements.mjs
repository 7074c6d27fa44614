// Statements outside a transaction, run the way postgres.js runs them on a server: each text is prepared (parsed and
// planned) once under a name of its own, then every run is one message into PGlite (bind, describe, execute, sync).
// PGlite's own query() parses and plans the text again each time and enters Postgres six times (parse, describe the
// statement to learn its parameters' types, bind, describe, execute, sync): several times the CPU of a statement the
// site runs hundreds of times a minute. Parameters are sent as text, as node-postgres sends them, and Postgres infers
// their types exactly as it does for PGlite's own unnamed statements. Plain JavaScript, for the worker (see there).
import { parse, protocol, types } from '@electric-sql/pglite';

const { serialize } = protocol;
// The site runs a few dozen texts; a text made with varying literals must not fill Postgres with plans.
const MAX_STATEMENTS = 256;
const STALE_PLAN = /cached plan must not change result type/;

/** A parameter as Postgres reads it in text format (node-postgres' rules); null for SQL NULL. */
function asText(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(values) {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${asText(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

function concat(parts) {
  const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}

// drizzle keeps dates and intervals as the text Postgres sends; its parsers are functions, which cannot cross threads.
const rawDates = {
  [types.TIMESTAMP]: (value) => value,
  [types.TIMESTAMPTZ]: (value) => value,
  [types.INTERVAL]: (value) => value,
  [types.DATE]: (value) => value,
};

export function preparedStatements(pg) {
  const names = new Map(); // text → statement name; the least recently used first
  let next = 0;
  // PGlite's parsers with drizzle's raw dates over them. Passed as the parsers themselves: given as an option,
  // PGlite copies its ~300 parsers into a new object for every statement (0.1–0.2 ms). The prototype keeps PGlite's
  // own object, which it extends in place (array types).
  const rawDateParsers = Object.assign(Object.create(pg.parsers), rawDates);

  // PGlite's mutexes, as its query() takes them: never inside another caller's transaction or protocol exchange.
  const exchange = (parts) =>
    pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => pg.execProtocol(concat(parts), { syncToFs: false })));

  async function run(text, params, options, retried = false) {
    let name = names.get(text);
    const parts = [];
    if (name === undefined) {
      name = `deltalab_${next++}`;
      if (names.size >= MAX_STATEMENTS) {
        const [oldText, oldName] = names.entries().next().value;
        names.delete(oldText);
        parts.push(serialize.close({ type: 'S', name: oldName }));
      }
      parts.push(serialize.parse({ name, text }));
    } else {
      names.delete(text);
    }
    parts.push(
      serialize.bind({ statement: name, values: (params ?? []).map(asText) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    let messages;
    try {
      ({ messages } = await exchange(parts));
    } catch (error) {
      // Whether or not Postgres kept the statement, it is forgotten here and closed there (closing none is no error).
      await exchange([serialize.close({ type: 'S', name }), serialize.sync()]).catch(() => {});
      // A table its plan read was altered (a migration): plan it again, once.
      if (!retried && STALE_PLAN.test(error?.message ?? '')) return run(text, params, options, true);
      throw error;
    }
    names.set(text, name);
    await pg.syncToFs();
    return parse.parseResults(messages, options.rawDates ? rawDateParsers : pg.parsers, { rowMode: options.rowMode })[0];
  }

  /** The options PGlite's own query() takes for the same request (inside a transaction). */
  const queryOptions = ({ rowMode, rawDates: raw }) => ({ ...(rowMode ? { rowMode } : {}), ...(raw ? { parsers: rawDates } : {}) });

  return { run, queryOptions };
}
