import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in Debian's Chromium and Firefox ESR, one browser at a time on two cores. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
});
