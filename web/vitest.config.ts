import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Next enforces server-only at build time; under vitest it is just a marker.
      'server-only': fileURLToPath(new URL('./test/serverOnlyStub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One PGlite per file, seeded with the real exercises: keep files sequential on two cores.
    fileParallelism: false,
    // isolated-vm (the real grader) needs --no-node-snapshot on Node 20.
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
  },
});
