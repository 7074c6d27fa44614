import { defineConfig } from 'vitest/config';

// isolated-vm on Node 20 needs --no-node-snapshot in every process that loads it;
// forks (child processes) are the only pool that honours execArgv for that.
export default defineConfig({
  test: {
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['test/**/*.test.ts'],
  },
});
