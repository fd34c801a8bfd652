import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createRoutes, dispatch, type DispatchContext, type Route } from '@/background/handlers';
import { watchedPlatform } from '@/background/watch';
import { MAX_DETECTIONS, type Detection } from '@/utils/model/detection';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import { MAX_LIST_BYTES } from '@/utils/list-file';
import { MESSAGE_TYPES, type Protocol } from '@/utils/protocol';
import { sampleArrangement } from '../fixtures';
import { ledgerUnderTest, listFile } from '../ledger-under-test';

const self = { id: 'ledgerlight-id', origin: 'chrome-extension://ledgerlight-id/' };
const THREAD = 'https://www.messenger.com/t/100004217730318';

const TAX_SITE = 'https://www.taxact.com/free-tax-filing';

const metaPixel: Detection = {
  ruleId: 'meta-pixel',
  feature: 'social-tracking',
  partners: ['meta'],
  confidence: 'high',
  count: 1,
  signals: [{ kind: 'script', evidence: 'connect.facebook.net/en_US/fbevents.js' }],
};

const sendMoney: Detection = {
  ruleId: 'chat-send-money',
  feature: 'p2p-payments',
  partners: [],
  confidence: 'high',
  count: 1,
  signals: [{ kind: 'control', evidence: 'Send money' }],
};

/** A message each route accepts from the right sender: the refusals below are about sender or shape alone. */
const goodData: { [T in keyof Protocol]: Parameters<Protocol[T]>[0] } = {
  'page:hello': { url: THREAD },
  'page:detections': { url: THREAD, detections: [sendMoney], unread: true },
  'page:show-details': { url: THREAD },
  'page:hide-markers': { url: THREAD, scope: 'site' },
  'firm:hello': { url: TAX_SITE },
  'firm:detections': { url: TAX_SITE, detections: [metaPixel] },
  'firm:patterns': { mode: 'firms' },
  'tab:report': { tabId: 7 },
  'settings:get': undefined,
  'settings:set': { ...DEFAULT_SETTINGS, recordUrls: true },
  'list:query': { text: 'paypal' },
  'list:export': undefined,
  'list:preview': { text: listFile({ arrangements: [sampleArrangement({ id: 'fb-checkout' })] }) },
  'list:import': { text: listFile({ arrangements: [sampleArrangement({ id: 'fb-checkout' })] }) },
  'list:reset': undefined,
  'history:get': undefined,
  'history:clear': undefined,
  'data:clear-all': undefined,
};

const contentScript: Runtime.MessageSender = { id: self.id, url: THREAD, frameId: 0, tab: { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false, url: THREAD } };
const firmScript: Runtime.MessageSender = { ...contentScript, url: TAX_SITE, tab: { ...contentScript.tab!, url: TAX_SITE } };
const optionsPage: Runtime.MessageSender = { id: self.id, url: `${self.origin}options.html` };

const tab = (url: string, id = 7) => ({ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false, url });

const badContentSenders: [string, Runtime.MessageSender][] = [
  ['no tab', { id: self.id, url: THREAD, frameId: 0 }],
  ['another extension', { ...contentScript, id: 'someone-else' }],
  ['a subframe', { ...contentScript, frameId: 3 }],
  ['a site Ledgerlight does not watch', { id: self.id, url: 'https://bank.example/login', frameId: 0, tab: tab('https://bank.example/login') }],
  ['a site the user switched off', { id: self.id, url: 'https://www.facebook.com/', frameId: 0, tab: tab('https://www.facebook.com/') }],
  ['a plain-http copy of a watched site', { id: self.id, url: 'http://www.messenger.com/t/1', frameId: 0, tab: tab('http://www.messenger.com/t/1') }],
  ['an extension page', optionsPage],
];

const badFirmSenders: [string, Runtime.MessageSender][] = [
  ['no tab', { id: self.id, url: TAX_SITE, frameId: 0 }],
  ['another extension', { ...firmScript, id: 'someone-else' }],
  ['a subframe', { ...firmScript, frameId: 3 }],
  ['a plain-http copy of a firm’s page', { id: self.id, url: 'http://www.taxact.com/', frameId: 0, tab: tab('http://www.taxact.com/') }],
  ['an extension page', optionsPage],
];

const badExtensionSenders: [string, Runtime.MessageSender][] = [
  ['a content script', contentScript],
  ['a web page', { url: 'https://evil.example/', tab: tab('https://evil.example/') }],
  ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/options.html' }],
  ['a look-alike origin', { id: self.id, url: 'chrome-extension://ledgerlight-id.evil.example/options.html' }],
  ['no URL at all', { id: self.id }],
];

/** Shapes each route must refuse, including oversize payloads. */
const badData: { [T in keyof Protocol]: [string, unknown][] } = {
  'page:hello': [
    ['no url', {}],
    ['a number for a url', { url: 42 }],
    ['a 5,000-character url', { url: `${THREAD}?${'a'.repeat(5_000)}` }],
  ],
  'page:detections': [
    ['unread that is not true or false', { url: THREAD, detections: [sendMoney], unread: 'maybe' }],
    ['detections that are not a list', { url: THREAD, detections: 'Send money', unread: false }],
    [`more than ${MAX_DETECTIONS} detections`, { url: THREAD, detections: Array.from({ length: MAX_DETECTIONS + 1 }, () => sendMoney), unread: false }],
    ['a 1 MB piece of evidence', { url: THREAD, detections: [{ ...sendMoney, signals: [{ kind: 'control', evidence: 'x'.repeat(1 << 20) }] }], unread: false }],
    ['an unknown feature kind', { url: THREAD, detections: [{ ...sendMoney, feature: 'mind-reading' }], unread: false }],
    ['a negative count', { url: THREAD, detections: [{ ...sendMoney, count: -1 }], unread: false }],
    ['a rule id with markup', { url: THREAD, detections: [{ ...sendMoney, ruleId: '<img src=x onerror=alert(1)>' }], unread: false }],
  ],
  'page:show-details': [['no url', { tabId: 1 }]],
  'page:hide-markers': [
    ['no scope', { url: THREAD }],
    ['a scope not offered', { url: THREAD, scope: 'bank.example' }],
  ],
  'firm:hello': [['no url', {}]],
  'firm:detections': [
    ['detections that are not a list', { url: TAX_SITE, detections: 'Meta Pixel' }],
    ['an unknown signal kind', { url: TAX_SITE, detections: [{ ...metaPixel, signals: [{ kind: 'cookie', evidence: '_fbp' }] }] }],
  ],
  'firm:patterns': [['a mode not offered', { mode: 'everything' }]],
  'tab:report': [
    ['a negative tab', { tabId: -1 }],
    ['a tab id as text', { tabId: '7' }],
  ],
  'settings:get': [['a payload where none is expected', { paused: true }]],
  'settings:set': [
    ['a missing field', { paused: true }],
    ['a history period not offered', { ...DEFAULT_SETTINGS, historyDays: 3650 }],
    ['a plain-http custom site', { ...DEFAULT_SETTINGS, customSites: ['http://tracker.example'] }],
  ],
  'list:query': [['a 10,000-character search', { text: 'p'.repeat(10_000) }]],
  'list:export': [['a payload where none is expected', { everything: true }]],
  'list:preview': [['no text', {}]],
  'list:import': [
    ['text as a number', { text: 1 }],
    ['a file over the size limit', { text: ' '.repeat(MAX_LIST_BYTES + 1) }],
  ],
  'list:reset': [['a payload where none is expected', 'now']],
  'history:get': [['a payload where none is expected', [1]]],
  'history:clear': [['a payload where none is expected', { day: '2026-11-23' }]],
  'data:clear-all': [['a payload where none is expected', { confirm: true }]],
};

async function harness(settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['facebook'], financialSites: 'firms' }) {
  const { ledger, db, badges, settings: currentSettings } = await ledgerUnderTest({ settings });
  // Something of the user's that a forged message might try to erase or overwrite.
  await ledger.importList(listFile({ arrangements: [sampleArrangement({ id: 'users-own-entry', title: 'Kept by the user' })] }));
  await ledger.reportDetections(9, THREAD, [sendMoney]);
  const routes = createRoutes(ledger);
  const logged: string[] = [];
  const context: DispatchContext = {
    self,
    isWatchedUrl: (url) => watchedPlatform(url, currentSettings()) !== undefined,
    isFirmUrl: (url) => currentSettings().financialSites !== 'off' && url.startsWith('https://'),
    log: (reason) => void logged.push(reason),
  };
  /** Everything the user could notice: the list, history, settings, per-tab findings, open tabs and badges. */
  const snapshot = async () =>
    JSON.stringify({
      list: await ledger.exportList(),
      history: await ledger.readHistory(),
      settings: currentSettings(),
      tabs: await storage.snapshot('session'),
      openTabs: (await browser.tabs.query({})).map((t) => t.url),
      badges: [...badges],
    });
  const send = <T extends keyof Protocol>(type: T, data: unknown, sender: Runtime.MessageSender) => dispatch(routes[type] as Route<T>, type, data, sender, context);
  return { send, logged, snapshot, db };
}

const senderFor = (type: keyof Protocol) => (type.startsWith('page:') ? contentScript : type === 'firm:patterns' ? optionsPage : type.startsWith('firm:') ? firmScript : optionsPage);

describe('every message is checked before it is used', () => {
  it('lists a route for every message of the protocol', () => {
    expect(Object.keys(createRoutes({} as never)).sort()).toEqual(Object.keys(goodData).sort());
    expect([...MESSAGE_TYPES].sort()).toEqual(Object.keys(goodData).sort());
  });

  for (const type of MESSAGE_TYPES) {
    it(`answers ${type} from its rightful sender`, async () => {
      const { send, logged } = await harness();
      const reply = await send(type, goodData[type], senderFor(type));
      expect(reply).toMatchObject({ ok: true });
      expect(logged).toEqual([]);
    });

    const badSenders = type.startsWith('page:')
      ? badContentSenders
      : type.startsWith('firm:') && type !== 'firm:patterns'
        ? badFirmSenders
        : badExtensionSenders;
    for (const [who, sender] of badSenders) {
      it(`refuses ${type} from ${who}, logs it and stores nothing`, async () => {
        const { send, logged, snapshot } = await harness();
        const before = await snapshot();
        const reply = await send(type, goodData[type], sender);
        expect(reply).toEqual({ ok: false, error: 'refused' });
        expect(logged).toEqual([`refused ${type} from an untrusted sender`]);
        expect(await snapshot()).toBe(before);
      });
    }

    for (const [what, data] of badData[type]) {
      it(`drops ${type} with ${what}, logs it and stores nothing`, async () => {
        const { send, logged, snapshot } = await harness();
        const before = await snapshot();
        const reply = await send(type, data, senderFor(type));
        expect(reply.ok).toBe(false);
        expect(logged).toEqual([`dropped malformed ${type}`]);
        expect(await snapshot()).toBe(before);
      });
    }
  }

  it('tells the user when a list file is over the size limit, instead of a bare refusal', async () => {
    const { send } = await harness();
    const reply = await send('list:import', { text: ' '.repeat(MAX_LIST_BYTES + 1) }, optionsPage);
    expect(reply).toEqual({ ok: false, error: 'not-understood', detail: expect.stringContaining('larger than the 16 MB a list may be') });
  });

  it('refuses a content script reporting detections for another site than its own page', async () => {
    const { send, logged, snapshot } = await harness();
    const before = await snapshot();
    const reply = await send('page:detections', { url: 'https://www.instagram.com/', detections: [sendMoney], unread: false }, contentScript);
    expect(reply).toEqual({ ok: false, error: 'refused' });
    expect(logged).toEqual(['refused page:detections about another page']);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a report naming a rule Ledgerlight never gave out, and keeps the findings it had', async () => {
    const { send, logged, snapshot } = await harness();
    const before = await snapshot();
    const forged = { ...sendMoney, ruleId: 'forged-rule' };
    const reply = await send('page:detections', { url: THREAD, detections: [sendMoney, forged], unread: false }, { ...contentScript, tab: tab(THREAD, 9) });
    expect(reply).toMatchObject({ ok: false, error: 'failed', detail: expect.stringContaining('no rule "forged-rule" is known') });
    expect(logged).toEqual(['page:detections failed']);
    expect(await snapshot()).toBe(before);
  });

  it('keeps watching for real detections after refusing forged ones', async () => {
    const { send } = await harness();
    await send('page:detections', { url: THREAD, detections: [{ ...sendMoney, ruleId: 'forged-rule' }], unread: false }, contentScript);
    const reply = await send('page:detections', { url: THREAD, detections: [sendMoney], unread: false }, contentScript);
    expect(reply).toEqual({ ok: true, value: 1 });
  });
});

describe('the opt-in financial-sites messages', () => {
  it('are refused from a firm’s page while the option is off', async () => {
    const { send, logged } = await harness({ ...DEFAULT_SETTINGS, financialSites: 'off' });
    const reply = await send('firm:hello', { url: TAX_SITE }, firmScript);
    expect(reply).toEqual({ ok: false, error: 'refused' });
    expect(logged).toEqual(['refused firm:hello from an untrusted sender']);
  });

  it('give a page that is no financial firm\'s nothing to watch, even with the option on', async () => {
    const { send } = await harness();
    const reply = await send('firm:hello', { url: 'https://news.example/' }, { ...firmScript, url: 'https://news.example/', tab: tab('https://news.example/') });
    expect(reply).toEqual({ ok: true, value: null });
  });

  it('refuses a report naming a tracker rule never given out', async () => {
    const { send, logged } = await harness();
    const reply = await send('firm:detections', { url: TAX_SITE, detections: [{ ...metaPixel, ruleId: 'forged-tracker' }] }, firmScript);
    expect(reply).toMatchObject({ ok: false, error: 'failed', detail: expect.stringContaining('no tracker rule "forged-tracker" is known') });
    expect(logged).toEqual(['firm:detections failed']);
  });
});
