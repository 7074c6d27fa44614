/**
 * CPU time of process trees, from /proc (Linux): the site's server with its grading children and esbuild, a grading
 * worker with its children, a PostgreSQL server with its backends. Processes that ended meanwhile are not counted,
 * so a phase's figure is a lower bound when grading children died (or a server was restarted) in it.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux everywhere Node runs

type Stat = { pid: number; ppid: number; cpuSeconds: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each of these processes and all their descendants, by pid. */
export function treeCpuByPid(roots: number[]): Map<number, number> {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
  const used = new Map<number, number>();
  const visit = (stat: Stat | undefined) => {
    if (!stat || used.has(stat.pid)) return;
    used.set(stat.pid, stat.cpuSeconds);
    for (const child of children.get(stat.pid) ?? []) visit(child);
  };
  for (const root of roots) visit(byPid.get(root));
  return used;
}

/**
 * Measures the CPU of process trees over a stretch of wall time: cores busy on average. Processes started meanwhile
 * (a restarted server, a replaced grading child) count from their start.
 */
export function cpuMeter(roots: () => number[]) {
  const before = treeCpuByPid(roots());
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    let cpu = 0;
    for (const [pid, used] of treeCpuByPid(roots())) cpu += used - (before.get(pid) ?? 0);
    return { cpuSeconds: cpu, cores: cpu / seconds };
  };
}

/**
 * Precise CPU time (the scheduler's nanosecond clock, /proc/…/schedstat) of one thread, in ms; 0 once it is gone.
 * The load benchmark's breakdown sums these per thread and process around each step of a single submission.
 */
export function threadCpuMs(pid: number, tid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

/** Precise CPU time of every thread of a process, by thread id, in ms. */
export function threadsCpuMs(pid: number): Map<number, number> {
  const threads = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) threads.set(Number(tid), threadCpuMs(pid, Number(tid)));
  } catch {
    // gone
  }
  return threads;
}

/** The processes started by these ones, and by those, with their command lines. */
export function descendants(roots: number[]): Array<{ pid: number; command: string }> {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const found: Array<{ pid: number; command: string }> = [];
  const visit = (parent: number) => {
    for (const stat of stats) {
      if (stat.ppid !== parent) continue;
      let command = '';
      try {
        command = readFileSync(`/proc/${stat.pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        // gone
      }
      found.push({ pid: stat.pid, command });
      visit(stat.pid);
    }
  };
  for (const root of roots) visit(root);
  return found;
}
