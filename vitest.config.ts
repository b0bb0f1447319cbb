import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition a page or worker reaches on its own; one second is too little on a
    // loaded two-core machine, so every poll gets the same budget as a Playwright wait.
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
