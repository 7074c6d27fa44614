/**
 * Calling the site's server actions the way anyone can: a POST to a page that carries the action's id in the
 * `Next-Action` header (the id is in the build's manifest, and in the page's JavaScript for any visitor to read), the
 * arguments encoded as React's client does (a JSON array as text/plain; a FormData argument as a multipart form whose
 * field "0" is the array, with `$K1` standing for the form's fields, sent as `_1_<name>`), and the result read back
 * from the RSC stream Next answers with.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { repoRoot, servedWebDirEnvVar, webDir } from './server';

export interface ServerAction {
  /** The exported name, e.g. 'joinCourseAction' (unique across the site: the tests name actions by it). */
  name: string;
  /** web/src/… */
  file: string;
  id: string;
  /** A page whose server bundle holds the action: the path to POST to. */
  page: string;
}

const srcDir = join(repoRoot, 'web', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

/**
 * Every server action in the source, by exported name: the async functions a file exports under a `'use server'`
 * directive at its top. A `'use server'` inside a function (an inline action) is refused here: list it in a file.
 */
export function sourceServerActions(): { name: string; file: string }[] {
  const actions: { name: string; file: string }[] = [];
  for (const path of sourceFiles(srcDir)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(repoRoot, path).split(sep).join('/');
    const directive = /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*['"]use server['"]/.test(text);
    if (!directive) {
      if (/['"]use server['"]/.test(text)) throw new Error(`${file}: an inline 'use server' action; give it a file of its own.`);
      continue;
    }
    for (const [, name] of text.matchAll(/^export\s+(?:async\s+function\s*\*?\s*|const\s+|let\s+)(\w+)/gm))
      actions.push({ name: name!, file });
  }
  const names = actions.map((a) => a.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`Server actions exported under the same name from two files: ${twice.join(', ')}`);
  return actions.sort((a, b) => a.name.localeCompare(b.name));
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

/** The built site's server actions (the served build's manifest), each checked against the source's list. */
export function serverActions(): Map<string, ServerAction> {
  const builtDir = process.env[servedWebDirEnvVar] ?? webDir;
  const manifest = JSON.parse(readFileSync(join(builtDir, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const built = new Map<string, ServerAction>();
  const pageOf = (worker: string) =>
    '/' +
    worker
      .slice('app/'.length, -'/page'.length)
      .split('/')
      .filter((part) => !/^\(.*\)$/.test(part))
      .join('/');
  for (const [id, entry] of Object.entries(manifest.node)) {
    // An action of the layout (the header's) is held by every page: any static one will do.
    const pages = Object.keys(entry.workers)
      .filter((worker) => worker.startsWith('app/') && worker.endsWith('/page'))
      .map(pageOf);
    if (pages.length === 0) throw new Error(`Action ${entry.exportedName}: no page holds it (${Object.keys(entry.workers).join(', ')})`);
    // Not Next's own pages (/_not-found answers 404 whatever the action returns).
    const page = pages.find((p) => !p.includes('[') && !p.startsWith('/_'));
    if (!page) throw new Error(`Action ${entry.exportedName} is only on a dynamic page (${pages[0]}): teach serverActions.ts its values.`);
    built.set(entry.exportedName, {
      name: entry.exportedName,
      file: entry.filename,
      id,
      page: page === '/' ? '/' : page.replace(/\/$/, ''),
    });
  }
  const source = sourceServerActions();
  const missing = source.filter((a) => !built.has(a.name)).map((a) => a.name);
  const extra = [...built.keys()].filter((name) => !source.some((a) => a.name === name));
  if (missing.length > 0 || extra.length > 0)
    throw new Error(
      `The build's server actions differ from the source's (rebuild web/: npm run build -w @deltalab/web): not built ${missing.join(', ') || 'none'}; not in the source ${extra.join(', ') || 'none'}`,
    );
  return built;
}

/** A field of a FormData argument: text, or a file. */
type FormValue = string | { name: string; mimeType: string; buffer: Buffer };

/** How a call sends its arguments. */
export type ActionCall =
  /** Plain values, encoded as React does (NaN, Infinity, undefined, dates and bigints included). */
  | { args: unknown[] }
  /** One FormData argument, as a `<form action>` passes it. */
  | { form: Record<string, FormValue> }
  /** A body as given (what React would never send). */
  | { body: Buffer; contentType: string };

/** What came back: the action's return value, an error it threw (Next hides its message), or a plain HTTP answer. */
export type ActionOutcome =
  | { kind: 'returned'; status: number; value: unknown }
  | { kind: 'threw'; status: number; digest: string }
  | { kind: 'http'; status: number; contentType: string; text: string };

/** A value as React's encodeReply writes it into the JSON: strings starting with `$` escaped, the rest tagged. */
function encodeReplyValue(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '$NaN';
    if (value === Infinity) return '$Infinity';
    if (value === -Infinity) return '$-Infinity';
    return Object.is(value, -0) ? '$-0' : value;
  }
  if (typeof value === 'bigint') return `$n${value}`;
  if (value === undefined) return '$undefined';
  if (value instanceof Date) return `$D${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(encodeReplyValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeReplyValue(item)]));
  return value;
}

/** Calls `action` with the cookies of `request` (a visitor's context); `origin` is the site's, as a browser sends it. */
export async function callServerAction(
  request: APIRequestContext,
  origin: string,
  action: ServerAction,
  call: ActionCall,
): Promise<ActionOutcome> {
  const headers = { 'Next-Action': action.id, Accept: 'text/x-component', Origin: origin };
  let response;
  if ('form' in call) {
    // In React's order: the form's fields, then "0" (the server reads the fields from where it expects them).
    const multipart = new FormData();
    for (const [name, value] of Object.entries(call.form))
      if (typeof value === 'string') multipart.append(`_1_${name}`, value);
      else multipart.append(`_1_${name}`, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
    multipart.append('0', JSON.stringify(['$K1']));
    response = await request.post(action.page, { headers, multipart, maxRedirects: 0, failOnStatusCode: false });
  } else {
    const [data, contentType] =
      'args' in call ? [JSON.stringify(encodeReplyValue(call.args)), 'text/plain;charset=UTF-8'] : [call.body, call.contentType];
    response = await request.post(action.page, {
      headers: { ...headers, 'Content-Type': contentType },
      data,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  }
  const status = response.status();
  const contentType = response.headers()['content-type'] ?? '';
  const body = await response.body();
  if (!contentType.startsWith('text/x-component')) return { kind: 'http', status, contentType, text: body.toString('utf8') };
  const rows = flightRows(body);
  const root = rows.get('0');
  if (root?.tag !== '') throw new Error(`No action result in the RSC answer: ${body.toString('utf8').slice(0, 300)}`);
  const result = (JSON.parse(root.data) as { a?: unknown }).a;
  const error = typeof result === 'string' ? errorRow(rows, result) : null;
  if (error) return { kind: 'threw', status, digest: error };
  return { kind: 'returned', status, value: decodeFlightValue(result, rows, 0) };
}

interface FlightRow {
  /** '' for a JSON model row; 'E' an error, 'T' text; other letters are hints and debug rows. */
  tag: string;
  data: string;
}

/** The rows of an RSC (Flight) stream: `<hex id>:<tag><data>\n`, or `<id>:T<hex byte length>,<text>` for long text. */
function flightRows(body: Buffer): Map<string, FlightRow> {
  const rows = new Map<string, FlightRow>();
  for (let at = 0; at < body.length;) {
    const colon = body.indexOf(':', at);
    if (colon < 0) break;
    const id = body.toString('latin1', at, colon);
    if (body[colon + 1] === 'T'.charCodeAt(0)) {
      const comma = body.indexOf(',', colon);
      const length = parseInt(body.toString('latin1', colon + 2, comma), 16);
      rows.set(id, { tag: 'T', data: body.toString('utf8', comma + 1, comma + 1 + length) });
      at = comma + 1 + length;
      continue;
    }
    const end = body.indexOf('\n', colon);
    const line = body.toString('utf8', colon + 1, end < 0 ? body.length : end);
    const tagged = /^[A-Z]/.test(line);
    rows.set(id, { tag: tagged ? line[0]! : '', data: tagged ? line.slice(1) : line });
    at = end < 0 ? body.length : end + 1;
  }
  return rows;
}

const reference = /^\$@?([0-9a-f]+)$/;

function errorRow(rows: Map<string, FlightRow>, value: string): string | null {
  const id = reference.exec(value)?.[1];
  const row = id === undefined ? undefined : rows.get(id);
  if (row?.tag !== 'E') return null;
  return String((JSON.parse(row.data) as { digest?: string }).digest ?? 'no digest');
}

/** A model value with its references to other rows resolved, and React's tagged strings turned back into values. */
function decodeFlightValue(value: unknown, rows: Map<string, FlightRow>, depth: number): unknown {
  if (depth > 50) throw new Error('RSC answer nested too deep');
  if (typeof value === 'string' && value.startsWith('$')) {
    if (value.startsWith('$$')) return value.slice(1);
    if (value === '$undefined') return undefined;
    const id = reference.exec(value)?.[1];
    if (id !== undefined) {
      const row = rows.get(id);
      if (!row) throw new Error(`RSC answer refers to a missing row ${id}`);
      if (row.tag === 'T') return row.data;
      if (row.tag !== '') throw new Error(`RSC answer refers to a ${row.tag} row where a value was expected`);
      return decodeFlightValue(JSON.parse(row.data), rows, depth + 1);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => decodeFlightValue(item, rows, depth + 1));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeFlightValue(item, rows, depth + 1)]));
  return value;
}

/** A refusal as the site's actions return one. */
export interface ActionRefusal {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
}

export function isRefusal(value: unknown): value is ActionRefusal {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as ActionRefusal).ok === false &&
    typeof (value as ActionRefusal).message === 'string'
  );
}

/** A short description of an outcome, for failure messages. */
export function describeOutcome(outcome: ActionOutcome): string {
  if (outcome.kind === 'returned') return `${outcome.status} returned ${JSON.stringify(outcome.value)?.slice(0, 200)}`;
  if (outcome.kind === 'threw') return `${outcome.status} threw (digest ${outcome.digest})`;
  return `${outcome.status} ${outcome.contentType}: ${outcome.text.slice(0, 200)}`;
}
