import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tfjs prints a "use tfjs-node" banner once per worker; harmless.
    testTimeout: 30_000,
  },
});
