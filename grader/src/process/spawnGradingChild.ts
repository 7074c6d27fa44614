import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TFJS_WASM_DIR_ENV } from '@deltalab/exercises';
import { GRADER_ASSETS_ENV } from '../sandbox/preparedScripts';
import type { ChildAssets } from './childAssets';
import { CHILD_ISOLATES_ENV } from './childMessages';

export type ChildSpawnOptions = {
  isolates: number;
  /** Ceiling on the child's writable memory (RLIMIT_DATA), in MB. */
  memoryCeilingMb: number;
  /** The child program and the sandbox scripts its supervisor built for it. */
  assets: ChildAssets;
  /** Who the child runs as when the supervisor is root (see gradingChildUser). */
  user?: string | number;
  /** Node's permission model as a second wall (default: where this Node has it). */
  permissions?: boolean;
};

/** How a grading child is launched: the command, its environment and its confinement, for spawning and for tests. */
export type ChildLaunch = {
  command: string;
  args: string[];
  options: SpawnOptions & { env: NodeJS.ProcessEnv };
  /** The child's own folder (its cwd, HOME and TMPDIR), removed when it exits. */
  workDir: string;
  /** Node's permission model is on: these are the only paths it may read. */
  readable: string[] | null;
  /** The uid it runs as, when it differs from the supervisor's. */
  uid?: number;
};

/**
 * The variables a grading child gets: nothing of the supervisor's environment but the few a Node process needs and
 * its own settings. Never DATABASE_URL, AUTH_SECRET, NEXTAUTH_*, OAuth or SMTP secrets: whatever the web server or a
 * worker was started with stays there.
 */
export const CHILD_ENV_KEYS = [
  'PATH',
  'HOME',
  'TMPDIR',
  'LANG',
  'TZ',
  'NODE_ENV',
  CHILD_ISOLATES_ENV,
  GRADER_ASSETS_ENV,
  'DELTALAB_EXERCISES_DIR',
  TFJS_WASM_DIR_ENV,
  // set by the /bin/sh that applies the memory ceiling: the child's own folder
  'PWD',
];

/**
 * Whom a child runs as when the supervisor runs as root (in CI and in most containers): `user` (a name in
 * /etc/passwd or a uid), by default `nobody`, or uid and gid 65534 where no such entry exists. Never root: a child
 * holds untrusted code, and root could read the embedded database and its secret. null when the supervisor is not
 * root (it cannot switch users then; the children run as it does, inside the permission model's walls).
 */
function gradingChildUser(user: string | number = 'nobody'): { uid: number; gid: number } | null {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return null;
  if (typeof user === 'number' || /^\d+$/.test(user)) {
    const uid = Number(user);
    if (uid === 0) throw new Error('Grading children never run as root: set DELTALAB_GRADING_USER to an unprivileged user.');
    return { uid, gid: uid };
  }
  const entry = readPasswd().find((fields) => fields[0] === user);
  if (entry) {
    const [uid, gid] = [Number(entry[2]), Number(entry[3])];
    if (uid === 0) throw new Error(`Grading children never run as root: '${user}' is uid 0.`);
    return { uid, gid };
  }
  if (user === 'nobody') return { uid: 65534, gid: 65534 };
  throw new Error(`No user '${user}' on this machine for the grading children (DELTALAB_GRADING_USER).`);
}

function readPasswd(): string[][] {
  try {
    return readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'));
  } catch {
    return [];
  }
}

/** Whether this Node has the permission model with native addons allowed (isolated-vm is one): Node ≥ 20.16. */
function permissionModelAvailable(): boolean {
  return process.allowedNodeEnvironmentFlags.has('--allow-addons') && process.allowedNodeEnvironmentFlags.has('--disable-warning');
}

/**
 * Everything about starting one grading child, in one place:
 * - its environment is an allow-list (CHILD_ENV_KEYS);
 * - it works in a folder of its own, made for it (cwd, HOME, TMPDIR), readable by it alone, removed when it exits;
 * - when the supervisor runs as root, it runs as an unprivileged user (gradingChildUser), so the embedded database
 *   (a 0700 folder) and its secret are out of its reach;
 * - where Node has it, the permission model: it may read its own assets' folder (its program, isolated-vm, the sandbox
 *   scripts, the catalogue's files: see childAssets.ts) and its working folder, write only the latter, and start
 *   neither processes nor worker threads;
 * - under an OS memory ceiling (RLIMIT_DATA: writable memory, heap, isolates, array buffers, thread stacks), so a
 *   runaway child fails its own allocations and dies instead of taking the machine's memory. Not RLIMIT_AS: V8 reserves
 *   large address ranges it never touches (WebAssembly memories reserve 8 GB or more). Set through
 *   `sh -c 'ulimit -d …; exec node …'` because Node has no setrlimit; the exec keeps the IPC channel.
 */
export function gradingChildLaunch(
  options: ChildSpawnOptions,
  program = options.assets.childScript,
  extraReadable: string[] = [],
): ChildLaunch {
  const identity = gradingChildUser(options.user);
  const workDir = mkdtempSync(join(tmpdir(), 'deltalab-grading-'));
  if (identity) chownSync(workDir, identity.uid, identity.gid);
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: workDir,
    TMPDIR: workDir,
    LANG: 'C.UTF-8',
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    NODE_ENV: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    [CHILD_ISOLATES_ENV]: String(options.isolates),
    [GRADER_ASSETS_ENV]: options.assets.dir,
    DELTALAB_EXERCISES_DIR: options.assets.contentDir,
    [TFJS_WASM_DIR_ENV]: options.assets.wasmDir,
  };
  const readable = options.permissions === false || !permissionModelAvailable() ? null : [options.assets.dir, workDir, ...extraReadable];
  const node = [
    process.execPath,
    '--no-node-snapshot',
    ...(readable
      ? [
          '--experimental-permission',
          '--allow-addons',
          ...readable.map((path) => `--allow-fs-read=${path}`),
          `--allow-fs-write=${workDir}`,
          '--disable-warning=ExperimentalWarning',
          '--disable-warning=SecurityWarning',
        ]
      : []),
    program,
  ];
  const spawnOptions = {
    cwd: workDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
  } satisfies SpawnOptions;
  const ceilingKb = String(Math.round(options.memoryCeilingMb * 1024));
  const [command, args] =
    process.platform === 'win32'
      ? [node[0]!, node.slice(1)]
      : // A hard limit already below ours is kept (ulimit then fails quietly): that is a tighter ceiling, not a looser one.
        ['/bin/sh', ['-c', 'ulimit -d "$0" 2>/dev/null; exec "$@"', ceilingKb, ...node]];
  return { command, args, options: spawnOptions, workDir, readable, ...(identity ? { uid: identity.uid } : {}) };
}

/** Starts one grading child as gradingChildLaunch describes; its folder goes when it exits. */
export function spawnGradingChild(options: ChildSpawnOptions): ChildProcess {
  const launch = gradingChildLaunch(options);
  const child = spawn(launch.command, launch.args, launch.options);
  child.once('close', () => rmSync(launch.workDir, { recursive: true, force: true }));
  return child;
}
