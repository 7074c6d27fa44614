import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // An exercise's own test sits in its folder (content/<topic>/<slug>/exercise.test.ts); tests across exercises in test/.
    include: ['test/**/*.test.ts', 'content/**/*.test.ts'],
    // tfjs prints a "use tfjs-node" banner once per worker; harmless.
    testTimeout: 30_000,
    // One tfjs import per worker instead of per file (tfjs takes ~1.5 s to load); tests set their backend in beforeAll.
    isolate: false,
  },
});
