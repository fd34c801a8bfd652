// The messaging library imports webextension-polyfill's default export; in tests that is WXT's fake browser.
export { fakeBrowser as default } from 'wxt/testing/fake-browser';
