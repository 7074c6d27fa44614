import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@deltalab/db';
import { CHILD_ENV_KEYS, gradingChildLaunch, prepareChildAssets } from '@deltalab/grader';

/**
 * What a grading child can reach, tested with a process launched exactly as grading children are (the same user,
 * environment, working folder and permission-model flags: gradingChildLaunch) running a probe instead of the grader.
 * The embedded database is made by the real code (createDb) and its secret by the real getAuthSecret, in a data folder
 * of their own; the web's secrets are in this process's environment. Neither may reach the probe.
 */
const root = mkdtempSync(join(tmpdir(), 'deltalab-walls-'));
chmodSync(root, 0o755);
const dataDir = join(root, 'data');
const probeDir = join(root, 'probe');
const SECRETS = {
  DATABASE_URL: 'postgres://walls-canary@127.0.0.1/x',
  AUTH_SECRET: undefined,
  NEXTAUTH_SECRET: 'walls-nextauth',
  GITHUB_SECRET: 'walls-gh',
  SMTP_URL: 'smtp://walls',
};

type Attempt = { ok: boolean; detail: string };
type Report = Record<
  'readSecret' | 'listDataDir' | 'readDatabaseFile' | 'spawnProcess' | 'startWorker' | 'writeOutside' | 'writeOwnFolder' | 'readRepoFile',
  Attempt
> & {
  uid: number;
  env: Record<string, string>;
};

const PROBE = `
import fs from 'node:fs';
import cp from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
const attempt = (f) => { try { return { ok: true, detail: String(f()).slice(0, 200) }; } catch (e) { return { ok: false, detail: String(e.code ?? e.message) }; } };
const [dataDir, secret, databaseFile, repoFile] = JSON.parse(process.argv[2]);
process.send({
  uid: process.getuid(),
  env: process.env,
  readSecret: attempt(() => fs.readFileSync(secret, 'utf8')),
  listDataDir: attempt(() => fs.readdirSync(dataDir).join()),
  readDatabaseFile: attempt(() => fs.readFileSync(databaseFile).length),
  spawnProcess: attempt(() => cp.execSync('id').toString()),
  startWorker: attempt(() => { new Worker('1', { eval: true }).terminate(); return 'started'; }),
  writeOutside: attempt(() => fs.writeFileSync(join(dataDir, '..', 'probe-was-here'), 'x')),
  writeOwnFolder: attempt(() => fs.writeFileSync(join(process.env.TMPDIR, 'scratch'), 'x')),
  readRepoFile: attempt(() => fs.readFileSync(repoFile, 'utf8').length),
}, () => process.exit(0));
`;

let secretFile: string;
let databaseFile: string;

beforeAll(async () => {
  // The real embedded database and the real secret, as `npm start` makes them.
  const handle = await createDb({ dataDir });
  await handle.close();
  vi.stubEnv('DELTALAB_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', '');
  const { getAuthSecret } = await import('@/env');
  getAuthSecret();
  vi.unstubAllEnvs();
  secretFile = join(dataDir, 'auth-secret');
  const pgliteFiles = readdirSync(join(dataDir, 'pglite'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  databaseFile = join(pgliteFiles[0]!.parentPath, pgliteFiles[0]!.name);
  mkdirSync(probeDir, { mode: 0o755 });
  writeFileSync(join(probeDir, 'probe.mjs'), PROBE, { mode: 0o644 });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function probe(options: { permissions: boolean }): Promise<Report> {
  const assets = await prepareChildAssets();
  const launch = gradingChildLaunch(
    { isolates: 1, memoryCeilingMb: 1536, assets, permissions: options.permissions },
    join(probeDir, 'probe.mjs'),
    [probeDir],
  );
  // The web's secrets, in the environment the supervisor has when it launches a child.
  const saved = { ...process.env };
  Object.assign(process.env, Object.fromEntries(Object.entries(SECRETS).filter(([, v]) => v !== undefined)));
  try {
    const args = [...launch.args, JSON.stringify([dataDir, secretFile, databaseFile, join(process.cwd(), 'package.json')])];
    const child = spawn(launch.command, args, launch.options);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return await new Promise<Report>((resolve, reject) => {
      child.once('message', (report) => resolve(report as Report));
      child.once('close', (code) => reject(new Error(`probe exited ${code}: ${stderr}`)));
    });
  } finally {
    process.env = saved;
    rmSync(launch.workDir, { recursive: true, force: true });
  }
}

describe('a grading child', () => {
  it('keeps the embedded database in a folder only its owner may enter, and the secret readable by its owner alone', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
  });

  it('gets an allow-listed environment: none of the web server’s secrets', async () => {
    const report = await probe({ permissions: true });
    expect(Object.keys(report.env).filter((key) => !CHILD_ENV_KEYS.includes(key))).toEqual([]);
    const values = JSON.stringify(report.env);
    for (const secret of Object.values(SECRETS)) if (secret) expect(values).not.toContain(secret);
    expect(report.env.TMPDIR).toBe(report.env.HOME);
    expect(report.writeOwnFolder.ok).toBe(true);
  });

  it('cannot read the database or its secret, start processes or workers, or write outside its own folder', async () => {
    const report = await probe({ permissions: true });
    for (const wall of [
      'readSecret',
      'listDataDir',
      'readDatabaseFile',
      'spawnProcess',
      'startWorker',
      'writeOutside',
      'readRepoFile',
    ] as const)
      expect(report[wall], wall).toMatchObject({ ok: false });
    expect(existsSync(join(root, 'probe-was-here'))).toBe(false);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, runs as an unprivileged user, whose own walls hold without the permission model',
    async () => {
      const report = await probe({ permissions: false });
      expect(report.uid).not.toBe(0);
      expect(report.readSecret).toMatchObject({ ok: false, detail: 'EACCES' });
      expect(report.listDataDir).toMatchObject({ ok: false, detail: 'EACCES' });
      expect(report.readDatabaseFile).toMatchObject({ ok: false, detail: 'EACCES' });
      expect(report.writeOutside).toMatchObject({ ok: false, detail: 'EACCES' });
    },
  );
});
