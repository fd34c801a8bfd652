import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './utils/platforms';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Lets several builds (tests, the benchmark, a second checkout) sit side by side.
  outDir: process.env.LEDGERLIGHT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  hooks: {
    // WXT marks the markers' stylesheet use_dynamic_url, a Chrome-only key that Firefox warns about
    // on install. Firefox gives every install its own moz-extension:// UUID already, which is what
    // the key buys in Chrome (an address a page cannot guess), so it is simply left out there.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      for (const entry of manifest.web_accessible_resources ?? []) if (typeof entry === 'object') delete entry.use_dynamic_url;
    },
  },
  // MV3 for Firefox too (WXT's default there is MV2): one manifest shape, one permission model.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Both come from locales/*.yml, so the store listing and chrome://extensions speak the user's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and per-tab findings. activeTab: the popup's "add this site" reads the
    // address of the tab it was opened on, only then and only that tab (no install warning).
    permissions: ['storage', 'activeTab'],
    host_permissions: HOST_PERMISSIONS,
    // Sites the user adds are asked for at that moment, never up front.
    optional_host_permissions: ['https://*/*'],
    optional_permissions: ['scripting'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ledgerlight@ledgerlight.invalid',
              // The first versions that read data_collection_permissions: we declare that nothing is collected.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // No gecko_android: Firefox for Android has never been tried (nothing here can run it),
            // so the manifest does not claim it. See the README.
          },
        }
      : {}),
  }),
});
