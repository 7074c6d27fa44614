import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHILD_ISOLATES_ENV } from './childMessages';

const ENTRY_IN_PACKAGE = join('src', 'process', 'gradingChild.ts');

/**
 * The grader package's folder. Next.js bundles this file, so import.meta.url may not point at the source tree: then
 * the package is found from the working directory (web/, or a copy of its build at the same depth).
 */
function graderDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'));
  } catch {
    // import.meta.url is not a file: URL when bundled
  }
  for (let dir = resolve(/* turbopackIgnore: true */ process.cwd()); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'grader'));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((dir) => existsSync(join(dir, ENTRY_IN_PACKAGE)));
  if (!found) throw new Error(`Cannot find the grading child (${ENTRY_IN_PACKAGE}); looked in ${candidates.join(', ')}`);
  return found;
}

export type ChildSpawnOptions = {
  isolates: number;
  /** Ceiling on the child's writable memory (RLIMIT_DATA), in MB. */
  memoryCeilingMb: number;
};

/**
 * Starts one grading child under an OS memory ceiling. RLIMIT_DATA bounds the process's writable memory (heap,
 * isolates, array buffers, thread stacks), so a runaway child fails its own allocations and dies instead of taking
 * the machine's memory. Not RLIMIT_AS: V8 reserves large address ranges it never touches (WebAssembly memories
 * reserve 8 GB or more), so an address-space limit breaks WebAssembly long before memory runs short. Set through
 * `sh -c 'ulimit -d …; exec node …'` because Node has no setrlimit; the exec keeps the IPC channel.
 */
export function spawnGradingChild(options: ChildSpawnOptions): ChildProcess {
  const cwd = graderDir();
  const node = [process.execPath, '--no-node-snapshot', '--import', 'tsx', join(cwd, ENTRY_IN_PACKAGE)];
  const env = { ...process.env, NODE_OPTIONS: '', [CHILD_ISOLATES_ENV]: String(options.isolates) };
  const spawnOptions: SpawnOptions = { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' };
  if (process.platform === 'win32') return spawn(node[0]!, node.slice(1), spawnOptions);
  const ceilingKb = String(Math.round(options.memoryCeilingMb * 1024));
  // A hard limit already below ours is kept (ulimit then fails quietly): that is a tighter ceiling, not a looser one.
  return spawn('/bin/sh', ['-c', 'ulimit -d "$0" 2>/dev/null; exec "$@"', ceilingKb, ...node], spawnOptions);
}
