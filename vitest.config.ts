import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end suites bind real sockets; two workers match the two cores of the target machine.
    maxWorkers: 2,
    // Files in a worker share its loaded modules: each file starts its own servers and bots, none
    // mocks a module, fakes timers or stubs a global, and loading discord.js and the local server once
    // per worker rather than once per file takes the suite from about 140 s to under 60 s on two cores.
    isolate: false,
  },
});
