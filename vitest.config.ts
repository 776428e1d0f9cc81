import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end suites bind real sockets; two workers match the two cores of the target machine.
    maxWorkers: 2,
  },
});
