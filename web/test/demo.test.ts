import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDb,
  enrollUser,
  selectCourseBySlug,
  selectOptionalCourseBySlug,
  selectOptionalUserByEmail,
  type DbHandle,
} from '@deltalab/db';
import { makeUser } from '@deltalab/db/test';
import { demoAccountEmails, demoCourse, seed } from '@/server/seed';
import { demoAccountsWarning, removeDemo } from '@/server/services/demo/demoData';
import { setPasswordWithLink } from '@/server/services/accounts/passwordLinks';
import { testDrivers, type TestDriver } from './testDb';

const webDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs one of web's command-line scripts (the admin CLI, the seed step of `npm start`) as `npm run` does. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--conditions=react-server', '--import', 'tsx', script, ...args], {
      cwd: webDir,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** A database of its own (removing the demo must not touch the shared test database other suites seed and use). */
async function ownDatabase(driver: TestDriver): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const handle = await (await import('@deltalab/db/test')).createTestDb();
    return { handle, drop: () => handle.close() };
  }
  const server = await createDb({ url: process.env.TEST_DATABASE_URL!, maxConnections: 1, migrate: false });
  const name = `deltalab_demo_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await server.executeSql(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await server.executeSql(`drop database if exists ${name} with (force)`);
      await server.close();
    },
  };
}

describe.each(testDrivers())('demo data on %s', (driver: TestDriver) => {
  let own: { handle: DbHandle; drop: () => Promise<void> };
  beforeAll(async () => {
    own = await ownDatabase(driver);
    await seed(own.handle.db);
  });
  afterAll(async () => {
    await own.drop();
  });

  it('warns about the demo accounts, and remove-demo removes them, keeping (archived) a demo course someone real is in', async () => {
    const { db } = own.handle;
    expect(await demoAccountsWarning(db)).toContain('npm run admin -- remove-demo');
    const real = await makeUser(db);
    const course = await selectCourseBySlug(db, demoCourse.slug);
    await enrollUser(db, { userId: real.id, courseId: course.id });
    const removed = await removeDemo(db);
    expect(removed).toEqual({ accounts: 5, coursesRemoved: ['Deltalab Sandbox'], coursesKept: [`${demoCourse.title} (1 other member)`] });
    for (const email of demoAccountEmails) expect(await selectOptionalUserByEmail(db, email)).toBeUndefined();
    expect((await selectCourseBySlug(db, demoCourse.slug)).archivedAt).toBeInstanceOf(Date);
    expect(await selectOptionalCourseBySlug(db, 'deltalab-sandbox')).toBeUndefined();
    expect(await selectOptionalUserByEmail(db, real.email)).toBeDefined();
    expect(await demoAccountsWarning(db)).toBeNull();
    expect(await removeDemo(db)).toEqual({ accounts: 0, coursesRemoved: [], coursesKept: [`${demoCourse.title} (1 other member)`] });
  });
});

describe('npm run admin (embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'deltalab-admin-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const admin = (...args: string[]) =>
    runScript('src/server/admin-cli.ts', args, { DELTALAB_DATA_DIR: dataDir, NEXTAUTH_URL: 'https://course.example.edu' });

  it('create-admin makes an administrator and prints a one-time link to set the password; bad input changes nothing', async () => {
    const made = await admin('create-admin', 'Root@Example.edu', '--name', 'Rita Root');
    expect(made.output, made.output).toContain('✔ root@example.edu is now an administrator (new account).');
    expect(made.code).toBe(0);
    const link = /https:\/\/course\.example\.edu\/password\?token=([\w-]{43})/.exec(made.output);
    expect(link, made.output).not.toBeNull();
    expect(await admin('create-admin', 'not-an-email')).toMatchObject({
      code: 2,
      output: expect.stringContaining('email: Enter a valid email address'),
    });

    const handle = await createDb({ dataDir });
    try {
      const user = await selectOptionalUserByEmail(handle.db, 'root@example.edu');
      expect(user).toMatchObject({ name: 'Rita Root', isAdmin: true, canCreateCourses: true, passwordHash: null });
      expect(await setPasswordWithLink(handle.db, { token: link![1], password: 'rita the root', confirm: 'rita the root' })).toMatchObject({
        ok: true,
      });
      expect(await setPasswordWithLink(handle.db, { token: link![1], password: 'rita the root', confirm: 'rita the root' })).toMatchObject({
        ok: false,
        message: expect.stringContaining('already used'),
      });
      // An existing account (say, an instructor's) is promoted.
      await makeUser(handle.db, { email: 'teacher@example.edu', name: 'Teo', passwordHash: 'x' });
    } finally {
      await handle.close();
    }
    const promoted = await admin('create-admin', 'teacher@example.edu');
    expect(promoted.output).toContain('✔ teacher@example.edu is now an administrator.');
    expect(promoted.output).toMatch(/password\?token=[\w-]{43}/);
    expect(await admin('remove-demo')).toMatchObject({ code: 0, output: expect.stringContaining('Removed 0 demo account(s)') });
  }, 240_000);

  it('refuses while the embedded database is in use, naming what to do', async () => {
    const handle = await createDb({ dataDir });
    try {
      const locked = await admin('remove-demo');
      expect(locked.code).toBe(3);
      expect(locked.output).toContain('Stop the server first');
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('the seed step of npm start on PostgreSQL', () => {
  let url: string;
  let name: string;
  beforeAll(async () => {
    const server = await createDb({ url: process.env.TEST_DATABASE_URL!, maxConnections: 1, migrate: false });
    name = `deltalab_demo_${Date.now().toString(36)}`;
    await server.executeSql(`create database ${name}`);
    await server.close();
    const parsed = new URL(process.env.TEST_DATABASE_URL!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    const server = await createDb({ url: process.env.TEST_DATABASE_URL!, maxConnections: 1, migrate: false });
    await server.executeSql(`drop database if exists ${name} with (force)`);
    await server.close();
  });
  const seedStep = (env: Record<string, string>) =>
    runScript('src/server/seed-cli.ts', [], {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      AUTH_SECRET: 'a-test-secret-of-enough-length',
      ...env,
    });

  it('creates nothing demo unless DELTALAB_DEMO=1, and then the demo course and accounts', async () => {
    const plain = await seedStep({});
    expect(plain.code, plain.output).toBe(0);
    expect(plain.output).toContain('no demo data (PostgreSQL without DELTALAB_DEMO=1)');
    expect(plain.output).not.toContain('deltalab-demo');
    const handle = await createDb({ url, maxConnections: 2 });
    try {
      expect(await selectOptionalUserByEmail(handle.db, 'instructor@deltalab.test')).toBeUndefined();
      expect(await selectOptionalCourseBySlug(handle.db, demoCourse.slug)).toBeUndefined();
      const demo = await seedStep({ DELTALAB_DEMO: '1' });
      expect(demo.output).toContain('Demo accounts (password: deltalab-demo)');
      expect(await selectOptionalUserByEmail(handle.db, 'instructor@deltalab.test')).toMatchObject({
        canCreateCourses: true,
        isAdmin: false,
      });
      expect(await demoAccountsWarning(handle.db)).toContain('remove-demo');
      expect(await seedStep({ DELTALAB_DEMO: 'yes' })).toMatchObject({
        code: 1,
        output: expect.stringContaining('DELTALAB_DEMO must be 0 or 1'),
      });
    } finally {
      await handle.close();
    }
  }, 180_000);
});

it('seeds the embedded default as before (the newcomer path keeps the demo)', async () => {
  // seed() is what the embedded start runs (demoWanted is true there): the same course, accounts and password.
  const { createTestDb } = await import('@deltalab/db/test');
  const handle = await createTestDb();
  try {
    const seeded = await seed(handle.db);
    expect(seeded.created).toBe(true);
    expect(Object.keys(seeded.userIds).sort()).toEqual([...demoAccountEmails].sort());
  } finally {
    await handle.close();
  }
});
