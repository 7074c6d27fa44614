/**
 * LOAD_BREAKDOWN=1 (load.ts): where one submission's time goes. A site of its own is started with
 * DELTALAB_BREAKDOWN=<file> (web/src/server/breakdown.ts: each stage of the submit → grade → follow path appends its
 * wall time and the CPU of its process's main thread and, on PGlite, of the database's thread), then code submissions
 * are sent one at a time in two steps with nothing else running: submit (POST ?wait=2 as the exercise page sends it,
 * answered with the grade; then until its job is completed), and a follow (GET ?wait=25, the grade already recorded:
 * what a page that reloads, or whose POST's wait ran out, sends). Around each step every thread and
 * process of the site is read from /proc, so the table also shows what no stage accounts for: Next's routing and HTTP
 * on the main thread, V8's helper threads, the grading children, esbuild, PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codePayload, signUpStudents, type Student } from './loadClient';
import { startSite, type Site } from './loadSite';
import { descendants, threadsCpuMs } from './processCpu';

const SUBMISSIONS = 40;
// How web/src/server/breakdown.ts joins a stage to the stages it runs in.
const PATH = ' › ';
const now = () => performance.timeOrigin + performance.now();
const WARM_UP = 15;
// The jobs' completion is written a quarter second after the grade (gradingWorkers.ts): wait for it within the step.
const AFTER_RECORDED_MS = 400;

type StageLine = { stage: string; startedAt: number; wallMs: number; cpuMs: number; databaseCpuMs: number | null; pid: number };
type MarkLine = { mark: string; id: string; at: number };
type Line = StageLine | MarkLine;

/** CPU of the site by part, ms. */
export type Parts = Map<string, number>;

export async function breakdown(setup: string, workers: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'deltalab-breakdown-'));
  const file = join(dir, 'stages.jsonl');
  const site = await startSite(setup, workers, { DELTALAB_BREAKDOWN: file });
  try {
    const [student] = await signUpStudents(site, 1);
    for (let i = 0; i < WARM_UP; i++) await submitAndFollow(site, student!, file);
    const steps = { submit: [] as StepRecord[], follow: [] as StepRecord[] };
    const walls: Array<{ posted: number; recorded: number; notified: number; followed: number }> = [];
    for (let i = 0; i < SUBMISSIONS; i++) {
      const { submit, follow, wall } = await submitAndFollow(site, student!, file);
      steps.submit.push(submit);
      steps.follow.push(follow);
      walls.push(wall);
    }
    print(setup, site.serverPid(), steps, walls);
  } finally {
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type StepRecord = { parts: Parts; lines: Line[] };

function readLines(file: string): Line[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

/** Every thread and process of the site, by part, ms of CPU so far. */
export function readParts(site: Site): Parts {
  const databaseThread = site.databaseThread();
  const parts: Parts = new Map();
  const add = (part: string, ms: number) => parts.set(part, (parts.get(part) ?? 0) + ms);
  const server = site.serverPid();
  for (const [tid, ms] of threadsCpuMs(server)) {
    add(
      tid === server ? 'web server: main thread' : tid === databaseThread ? "web server: PGlite's thread" : 'web server: other threads',
      ms,
    );
  }
  for (const worker of site.workerPids()) {
    for (const [tid, ms] of threadsCpuMs(worker)) add(tid === worker ? 'grading worker: main thread' : 'grading worker: other threads', ms);
  }
  for (const { pid, command } of descendants([server, ...site.workerPids()])) {
    const total = [...threadsCpuMs(pid).values()].reduce((a, b) => a + b, 0);
    add(/esbuild/.test(command) ? 'esbuild (compiling submissions)' : 'grading children', total);
  }
  for (const pid of site.databasePids()) {
    for (const one of [pid, ...descendants([pid]).map((d) => d.pid)])
      add(
        'PostgreSQL',
        [...threadsCpuMs(one).values()].reduce((a, b) => a + b, 0),
      );
  }
  return parts;
}

export function difference(after: Parts, before: Parts): Parts {
  return new Map([...after].map(([part, ms]) => [part, ms - (before.get(part) ?? 0)]));
}

/** One submission in two steps, each with the CPU the site spent on it by part and the stages it wrote. */
async function submitAndFollow(site: Site, student: Student, file: string) {
  const seen = readLines(file).length;
  const before = readParts(site);
  const sentAt = now();
  const response = await fetch(`${site.base}/api/submissions?wait=2`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: student.jar.header() },
    body: JSON.stringify(codePayload()),
  });
  const postedAt = now();
  const { id, status } = (await response.json()) as { id: string; status: string };
  if (response.status !== 202) throw new Error(`breakdown: POST answered ${response.status}`);
  if (status !== 'graded') throw new Error(`breakdown: POST ?wait=2 answered ${id} ${status}, not graded`);
  let recorded: MarkLine | undefined;
  for (let waited = 0; !recorded; waited += 10) {
    if (waited > 30_000) throw new Error(`breakdown: submission ${id} was not graded within 30 s`);
    await new Promise((r) => setTimeout(r, 10));
    recorded = readLines(file).find((l): l is MarkLine => 'mark' in l && l.mark === 'recorded' && l.id === id);
  }
  await new Promise((r) => setTimeout(r, AFTER_RECORDED_MS));
  const submitted = readParts(site);
  const afterSubmit = readLines(file);
  const followSentAt = now();
  const followed = await fetch(`${site.base}/api/submissions/${id}?wait=25`, { headers: { Cookie: student.jar.header() } });
  if (((await followed.json()) as { status: string }).status !== 'graded') throw new Error(`breakdown: ${id} is not graded`);
  const followedAt = now();
  // The follow's own stages are written as it ends; give the last line a moment to land.
  await new Promise((r) => setTimeout(r, 20));
  const after = readParts(site);
  const all = readLines(file);
  const notified = afterSubmit.find((l): l is MarkLine => 'mark' in l && l.mark === 'notified' && l.id === id);
  return {
    submit: { parts: difference(submitted, before), lines: afterSubmit.slice(seen) },
    follow: { parts: difference(after, submitted), lines: all.slice(afterSubmit.length) },
    wall: {
      posted: postedAt - sentAt,
      recorded: recorded.at - sentAt,
      notified: notified ? notified.at - recorded.at : NaN,
      followed: followedAt - followSentAt,
    },
  };
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number | null, width = 8) => (value === null || Number.isNaN(value) ? '-' : value.toFixed(2)).padStart(width);

/**
 * The stages of a step, each under the stages it ran in (same process), siblings in the order they start: calls per
 * submission, median wall time of a call, main-thread and PGlite-thread CPU per submission.
 */
function stageRows(records: StepRecord[]): { rows: string[]; topLevelCpu: Map<number, number> } {
  type Row = { path: string; starts: number[]; walls: number[]; cpu: number; database: number | null };
  const byPath = new Map<string, Row>();
  const topLevelCpu = new Map<number, number>();
  for (const { lines } of records) {
    const stages = lines.filter((l): l is StageLine => 'stage' in l);
    const origin = Math.min(...stages.map((s) => s.startedAt));
    for (const s of stages) {
      if (!s.stage.includes(PATH)) topLevelCpu.set(s.pid, (topLevelCpu.get(s.pid) ?? 0) + s.cpuMs / records.length);
      const row = byPath.get(s.stage) ?? { path: s.stage, starts: [], walls: [], cpu: 0, database: null };
      row.starts.push(s.startedAt - origin);
      row.walls.push(s.wallMs);
      row.cpu += s.cpuMs / records.length;
      if (s.databaseCpuMs !== null) row.database = (row.database ?? 0) + s.databaseCpuMs / records.length;
      byPath.set(s.stage, row);
    }
  }
  const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf(PATH)));
  const ordered: Row[] = [];
  const visit = (parent: string) => {
    const children = [...byPath.values()].filter((row) => parentOf(row.path) === parent);
    for (const row of children.sort((a, b) => median(a.starts) - median(b.starts))) {
      ordered.push(row);
      visit(row.path);
    }
  };
  visit('');
  const rows = ordered.map((row) => {
    const depth = row.path.split(PATH).length - 1;
    const name = `${'  '.repeat(depth)}${row.path.split(PATH).pop()}`;
    return `    ${name.padEnd(58)}${(row.walls.length / records.length).toFixed(1).padStart(6)}${ms(median(row.walls), 10)}${ms(row.cpu, 11)}${ms(row.database, 11)}`;
  });
  return { rows, topLevelCpu };
}

const PARTS = [
  'web server: main thread',
  "web server: PGlite's thread",
  'web server: other threads',
  'grading worker: main thread',
  'grading worker: other threads',
  'grading children',
  'esbuild (compiling submissions)',
  'PostgreSQL',
];

function print(
  setup: string,
  serverPid: number,
  steps: { submit: StepRecord[]; follow: StepRecord[] },
  walls: Array<Record<string, number>>,
): void {
  console.log(`\n  Breakdown (${setup}): ${SUBMISSIONS} code submissions, one at a time, after ${WARM_UP} to warm up; ms`);
  console.log(
    `    ${'stage'.padEnd(58)}${'calls'.padStart(6)}${'wall'.padStart(10)}${'main CPU'.padStart(11)}${'PGlite CPU'.padStart(11)}`,
  );
  const perStep = (records: StepRecord[], part: string) => records.reduce((sum, r) => sum + (r.parts.get(part) ?? 0), 0) / records.length;
  const inStages = { submit: new Map<number, number>(), follow: new Map<number, number>() };
  for (const [step, title] of [
    ['submit', 'submit: POST /api/submissions?wait=2 (the page), answered with the grade; the queue until its job completed'],
    ['follow', 'a follow, where the page needs one: GET /api/submissions/:id?wait=25, the grade already recorded'],
  ] as const) {
    console.log(`  ${title}`);
    const { rows, topLevelCpu } = stageRows(steps[step]);
    for (const row of rows) console.log(row);
    inStages[step] = topLevelCpu;
  }
  console.log(
    `  CPU by thread and process (/proc): a submission, and a follow where one is needed${'submit'.padStart(12)}${'follow'.padStart(10)}`,
  );
  const row = (label: string, submit: number, follow: number) => console.log(`    ${label.padEnd(82)}${ms(submit, 12)}${ms(follow, 10)}`);
  let total = [0, 0];
  for (const part of PARTS) {
    const [submit, follow] = [perStep(steps.submit, part), perStep(steps.follow, part)];
    if (submit === 0 && follow === 0) continue;
    row(part, submit, follow);
    total = [total[0]! + submit, total[1]! + follow];
    if (!part.endsWith('main thread')) continue;
    // What the main thread spent outside every stage: Next's routing and HTTP, timers, garbage collection.
    const staged = (step: 'submit' | 'follow') =>
      [...inStages[step]].reduce((sum, [pid, cpu]) => sum + ((pid === serverPid) === part.startsWith('web') ? cpu : 0), 0);
    row('  in the stages above', staged('submit'), staged('follow'));
    row("  outside them (Next's routing and HTTP, timers, GC)", submit - staged('submit'), follow - staged('follow'));
  }
  row('total', total[0]!, total[1]!);
  const of = (key: string) => median(walls.map((w) => w[key]!));
  console.log(
    `  wall (medians): the POST answered with the grade in ${of('posted').toFixed(1)} ms (recorded ${of('recorded').toFixed(1)} ms after it was sent, handed to the waiting request ${of('notified').toFixed(1)} ms later); a follow answered in ${of('followed').toFixed(1)} ms\n`,
  );
}
