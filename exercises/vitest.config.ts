import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tfjs prints a "use tfjs-node" banner once per worker; harmless.
    testTimeout: 30_000,
    // One tfjs import per worker instead of per file (tfjs takes ~1.5 s to load); tests set their backend in beforeAll.
    isolate: false,
  },
});
