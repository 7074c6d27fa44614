import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { clearSignInFailures, recordSignInFailure, selectSignInBlockSeconds } from '../src/index';
import { rowsOf } from '../src/rawRows';
import { describeEachDriver } from './drivers';

describeEachDriver('sign-in throttle', (use) => {
  const window = 900;
  const keys = () => ({ account: `account:${randomUUID()}@example.com`, address: `address:${randomUUID()}` });

  it('blocks a key once its window holds `limit` failures, for the rest of the window', async () => {
    const { account, address } = keys();
    const limits = [
      { key: account, limit: 3 },
      { key: address, limit: 10 },
    ];
    for (let i = 0; i < 2; i++) await recordSignInFailure(use().db, [account, address], window);
    expect(await selectSignInBlockSeconds(use().db, limits, window)).toBe(0);
    await recordSignInFailure(use().db, [account, address], window);
    const seconds = await selectSignInBlockSeconds(use().db, limits, window);
    expect(seconds).toBeGreaterThan(window - 5);
    expect(seconds).toBeLessThanOrEqual(window);
    // The address alone (3 of 10) is not blocked.
    expect(await selectSignInBlockSeconds(use().db, [{ key: address, limit: 10 }], window)).toBe(0);
  });

  it('starts a new window once the old one has ended, and a success clears the account', async () => {
    const { account } = keys();
    for (let i = 0; i < 3; i++) await recordSignInFailure(use().db, [account], window);
    expect(await selectSignInBlockSeconds(use().db, [{ key: account, limit: 3 }], window)).toBeGreaterThan(0);
    // As if the window had begun 16 minutes ago.
    await use().db.execute(sql`update sign_in_throttle set window_started_at = now() - interval '16 minutes' where key = ${account}`);
    expect(await selectSignInBlockSeconds(use().db, [{ key: account, limit: 3 }], window)).toBe(0);
    await recordSignInFailure(use().db, [account], window);
    const [row] = rowsOf<{ failures: number }>(await use().db.execute(sql`select failures from sign_in_throttle where key = ${account}`));
    expect(row?.failures).toBe(1);
    for (let i = 0; i < 2; i++) await recordSignInFailure(use().db, [account], window);
    expect(await selectSignInBlockSeconds(use().db, [{ key: account, limit: 3 }], window)).toBeGreaterThan(0);
    await clearSignInFailures(use().db, account);
    expect(await selectSignInBlockSeconds(use().db, [{ key: account, limit: 3 }], window)).toBe(0);
  });
});
