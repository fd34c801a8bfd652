import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { createRoutes, dispatch } from '@/background/handlers';
import { watchedPlatform } from '@/background/watch';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { ledgerUnderTest } from '../ledger-under-test';

const self = { id: 'ledgerlight-id', origin: 'chrome-extension://ledgerlight-id/' };
const THREAD = 'https://www.messenger.com/t/100004217730318';
const marker: Runtime.MessageSender = { id: self.id, url: THREAD, frameId: 0, tab: { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false, url: THREAD } };

async function hide(scope: 'site' | 'everywhere', markersHiddenOn: string[] = []) {
  const { ledger, settings } = await ledgerUnderTest({ settings: { ...DEFAULT_SETTINGS, markers: true, markersHiddenOn } });
  const reply = await dispatch(createRoutes(ledger)['page:hide-markers'], 'page:hide-markers', { url: THREAD, scope }, marker, {
    self,
    isWatchedUrl: (url) => watchedPlatform(url, settings()) !== undefined,
    log: () => {},
  });
  return { reply, settings: settings(), pageConfig: await ledger.pageConfig(THREAD) };
}

describe('hiding markers from a marker', () => {
  it('on this site: the site joins the hidden list, and the page is told to show none', async () => {
    const { reply, settings, pageConfig } = await hide('site', ['facebook']);
    expect(reply).toEqual({ ok: true, value: null });
    expect(settings).toMatchObject({ markers: true, markersHiddenOn: ['facebook', 'messenger'] });
    expect(pageConfig?.markers).toBe(false);
  });

  it('on this site, twice: the site is listed once', async () => {
    expect((await hide('site', ['messenger'])).settings.markersHiddenOn).toEqual(['messenger']);
  });

  it('everywhere: markers are switched off, and the per-site list is kept for when they come back', async () => {
    const { settings, pageConfig } = await hide('everywhere', ['facebook']);
    expect(settings).toMatchObject({ markers: false, markersHiddenOn: ['facebook'] });
    expect(pageConfig?.markers).toBe(false);
  });
});
