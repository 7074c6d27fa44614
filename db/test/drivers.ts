import { afterAll, beforeAll, describe } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createDb, memoryDataDir, type DbHandle } from '../src/index';
import { createTestDb } from '../src/test/testDb';

/**
 * One suite body, run once per driver (as TensorFlow.js runs one body per backend): always on PGlite, and on
 * a real PostgreSQL server when TEST_DATABASE_URL is set. In CI that variable is required, so a missing server
 * fails the run instead of quietly testing one driver.
 */
export interface DriverUnderTest {
  name: 'pglite' | 'postgres';
  /** A migrated database whose rows other suites share (each suite makes its own rows). */
  open(): Promise<DbHandle>;
  /** An empty, unmigrated database of its own; dispose() drops it. */
  openFresh(): Promise<FreshDatabase>;
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim();

if (!testDatabaseUrl && process.env.CI) {
  throw new Error('CI is set but TEST_DATABASE_URL is not: run `eval "$(bash .ci/postgres.sh)"` first (see .ci/run)');
}
if (!testDatabaseUrl && !process.env.DELTALAB_QUIET_DRIVERS) {
  console.warn('db tests: TEST_DATABASE_URL is unset, running on PGlite only (eval "$(bash .ci/postgres.sh)" adds PostgreSQL)');
}

interface FreshDatabase {
  handle: DbHandle;
  /** Another connection pool to the same database (on PGlite, which has one connection, the same handle). */
  openAnother(): Promise<DbHandle>;
  dispose(): Promise<void>;
}

const pglite: DriverUnderTest = {
  name: 'pglite',
  open: () => createTestDb(),
  async openFresh() {
    const handle = await createDb({ dataDir: memoryDataDir, migrate: false });
    return { handle, openAnother: async () => ({ ...handle, close: async () => {} }), dispose: () => handle.close() };
  },
};

function postgresDriver(url: string): DriverUnderTest {
  return {
    name: 'postgres',
    open: () => createDb({ url, maxConnections: 4 }),
    async openFresh() {
      const admin = await createDb({ url, maxConnections: 1, migrate: false });
      const name = `deltalab_fresh_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await admin.executeSql(`create database ${name}`);
      const freshUrl = new URL(url);
      freshUrl.pathname = `/${name}`;
      const handle = await createDb({ url: freshUrl.toString(), maxConnections: 4, migrate: false });
      const others: DbHandle[] = [];
      return {
        handle,
        async openAnother() {
          const other = await createDb({ url: freshUrl.toString(), maxConnections: 2, migrate: false });
          others.push(other);
          return other;
        },
        async dispose() {
          await Promise.all(others.map((other) => other.close()));
          await handle.close();
          await admin.executeSql(`drop database if exists ${name}`);
          await admin.close();
        },
      };
    },
  };
}

const drivers: DriverUnderTest[] = [pglite, ...(testDatabaseUrl ? [postgresDriver(testDatabaseUrl)] : [])];

/** describe() per driver with a fresh handle for the block; `use()` returns it inside tests. */
export function describeEachDriver(title: string, body: (use: () => DbHandle, driver: DriverUnderTest) => void) {
  for (const driver of drivers) {
    describe(`${title} [${driver.name}]`, () => {
      let handle: DbHandle | undefined;
      beforeAll(async () => {
        handle = await driver.open();
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error('database not open yet (use() outside a test?)');
        return handle;
      }, driver);
    });
  }
}
