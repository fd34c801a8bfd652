import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  resolve: {
    // The messaging library imports the polyfill directly; in tests it must get the fake browser too.
    alias: { 'webextension-polyfill': new URL('test/unit/polyfill-shim.ts', import.meta.url).pathname },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', 'test/unit/setup.ts'],
  },
});
