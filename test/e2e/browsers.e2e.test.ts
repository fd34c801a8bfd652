import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { launchExtension } from '../../tools/harness/browser';
import { launchFirefox } from '../../tools/harness/firefox';
import { changeSettings, savedTab, settledBadge, sleep, tabIdOf, until, badgeOf, type BrowserName, type DriverPage, type ExtensionDriver } from '../../tools/harness/driver';
import { readFixture, readFixturePages } from '../../tools/harness/fixture-pages';
import { sampleArrangement } from '../unit/fixtures';

/**
 * What must hold in every browser Ledgerlight ships for, run the same way in Chromium and in
 * Firefox ESR through one driver (tools/harness/driver.ts). Checks that need Chromium's DevTools
 * protocol (the accessibility tree, screenshots, the bare-browser comparison) stay in the other files.
 */
const demo = readFixturePages(resolve('test/fixtures/demo'));
const sendMoney = readFixture(resolve('test/fixtures/pages/messenger/thread-send-money.html'));
/** The demo's Messenger chat has sendMoney's address; this thread is served at another of its own. */
const SEND_MONEY_URL = 'https://www.messenger.com/t/100000000000002';
const launchers: Record<BrowserName, () => Promise<ExtensionDriver>> = { chromium: launchExtension, firefox: launchFirefox };

const badList = {
  format: 1,
  version: 'e2e-bad',
  arrangements: [{ ...sampleArrangement({ id: 'browsers-e2e-broken', platform: 'messenger', partners: ['paypal'], features: ['p2p-payments'] }), status: 'rumoured' }],
};

/** The stored list as the background keeps it in IndexedDB: every arrangement and the imported version. */
function storedList(page: DriverPage) {
  return page.evaluate(
    () =>
      new Promise<string>((done, fail) => {
        const open = indexedDB.open('ledgerlight');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['arrangements', 'meta'], 'readonly');
          const arrangements = tx.objectStore('arrangements').getAll();
          const version = tx.objectStore('meta').get('importedVersion');
          tx.oncomplete = () => {
            open.result.close();
            done(JSON.stringify({ arrangements: arrangements.result, version: version.result }));
          };
        };
      }),
    undefined,
  );
}

/** The popup's findings, by arrangement id, and the rules it says fired. */
const popupContents = (popup: DriverPage) =>
  popup.evaluate(
    () => ({
      summary: document.querySelector('[data-testid="summary"]')?.textContent ?? null,
      arrangements: [...document.querySelectorAll('[data-arrangement]')].map((card) => card.getAttribute('data-arrangement')),
      rules: [...document.querySelectorAll('[data-rule]')].map((item) => item.getAttribute('data-rule')),
      text: document.body.innerText,
    }),
    undefined,
  );

async function openPopup(driver: ExtensionDriver, tabId: number) {
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await until(async () => ((await popupContents(popup)).summary ? true : undefined), 'the popup summary');
  return popup;
}

for (const name of ['chromium', 'firefox'] as const) {
  describe(`in ${name}`, () => {
    let driver: ExtensionDriver;
    /** The deliberate requests of the first test, which the last one does not count. */
    let probes = 0;

    async function visit(url: string) {
      const page = await driver.openWebPage(url);
      const tabId = await tabIdOf(driver, page);
      return { page, tabId };
    }

    beforeAll(async () => {
      driver = await launchers[name]();
      await driver.serve({ ...Object.fromEntries(demo.map((p) => [p.url, p.html])), [SEND_MONEY_URL]: sendMoney.html });
    }, 90_000);
    afterAll(() => driver?.close());

    it('sees a request from the background and from an extension page (the recorder works)', async () => {
      await driver.fetchFromBackground('https://leak.invalid/from-background');
      const options = await driver.openExtensionPage('options.html');
      await options.evaluate(() => fetch('https://leak.invalid/from-options').catch(() => undefined), undefined);
      await options.close();
      await until(async () => (driver.extensionRequests().length >= 2 ? true : undefined), 'both probe requests', 5_000);
      expect(driver.extensionRequests().map((url) => new URL(url).host)).toEqual(['leak.invalid', 'leak.invalid']);
      probes = driver.extensionRequests().length;
    });

    for (const fixture of demo) {
      const payment = fixture.fires.length > 0;
      it(`${payment ? 'counts the findings in the badge and the popup' : 'shows an empty badge and says so in the popup'} on ${fixture.url}`, async () => {
        const { page, tabId } = await visit(fixture.url);
        const badge = await settledBadge(driver, tabId);
        const popup = await openPopup(driver, tabId);
        const shown = await popupContents(popup);
        if (payment) {
          expect(Number(badge)).toBeGreaterThan(0);
          expect(shown.arrangements).toHaveLength(Number(badge));
        } else {
          expect(badge).toBe('');
          expect(shown.arrangements).toEqual([]);
          expect(shown.text).toMatch(/no payment or bank-linked feature found/i);
        }
        for (const rule of fixture.fires) expect(shown.rules).toContain(rule);
        await Promise.all([page.close(), popup.close()]);
      });
    }

    it('puts a marker right after the send-money button when markers are on, in a shadow root the page cannot open', async () => {
      await changeSettings(driver, { markers: true });
      const { page } = await visit(SEND_MONEY_URL);
      const hosts = await until(async () => {
        const found = await page.evaluate(
          () => [...document.querySelectorAll('ledgerlight-marker')].map((host) => ({ shadowRoot: host.shadowRoot, after: host.previousElementSibling?.getAttribute('aria-label') })),
          undefined,
        );
        return found.length ? found : undefined;
      }, 'a marker');
      expect(hosts).toEqual([{ shadowRoot: null, after: 'Send money' }]);
      expect(await page.evaluate(() => document.body.innerText, undefined)).not.toContain('Person-to-person');
      await changeSettings(driver, { markers: false });
      await page.close();
    });

    it('detects nothing on Messenger once it is switched off in options', async () => {
      const options = await driver.openExtensionPage('options.html');
      const toggle = (on: boolean) =>
        options.evaluate((want) => {
          const box = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((input) => input.closest('label')?.textContent?.trim() === 'Messenger');
          if (!box) return false;
          if (box.checked !== want) box.click();
          return true;
        }, on);
      const disabled = async () => (await driver.inExtension(async () => (await chrome.storage.sync.get('settings')).settings as { disabledSites: string[] } | undefined, undefined))?.disabledSites ?? [];
      // Clicked again until saved: a click before the page has read the settings would be lost.
      const switchMessenger = (on: boolean) => until(async () => ((await toggle(on)) && (await disabled()).includes('messenger') !== on ? true : undefined), `Messenger switched ${on ? 'on' : 'off'}`);
      await switchMessenger(false);

      const { page, tabId } = await visit(SEND_MONEY_URL);
      // Long enough for the content script to have run and reported, were it watching.
      await sleep(1500);
      expect(await badgeOf(driver, tabId)).toBe('');
      expect(await savedTab(driver, tabId)).toBeUndefined();
      await page.close();
      await switchMessenger(true);
      await options.close();
    });

    it('refuses a bad list file, saying which field is wrong, and leaves the stored list as it was', async () => {
      const options = await driver.openExtensionPage('options.html');
      const before = await storedList(options);
      expect(JSON.parse(before).arrangements.length).toBeGreaterThan(0);
      await until(async () => ((await options.evaluate(() => document.querySelector('input[type="file"]') !== null, undefined)) ? true : undefined), 'the file input');
      await options.chooseFile('input[type="file"]', { name: 'bad.json', text: JSON.stringify(badList) });
      const alert = await until(async () => (await options.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? undefined, undefined)) || undefined, 'the refusal');
      expect(alert).toMatch(/bad\.json was not imported.*arrangements\[0\]\.status/);
      // No preview to confirm: nothing of the file is offered for import.
      expect(await options.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === 'Import').length, undefined)).toBe(0);
      expect(await storedList(options)).toBe(before);
      await options.close();
    });

    it('keeps the badge and the popup’s findings after the background stops and starts again', async () => {
      const { page, tabId } = await visit(SEND_MONEY_URL);
      const badge = await settledBadge(driver, tabId);
      expect(Number(badge)).toBeGreaterThan(0);
      const before = await openPopup(driver, tabId);
      const findings = (await popupContents(before)).arrangements;
      await before.close();

      await driver.stopBackground();
      // Opening the popup sends a message, which starts the background again.
      const after = await openPopup(driver, tabId);
      expect((await popupContents(after)).arrangements).toEqual(findings);
      expect(await badgeOf(driver, tabId)).toBe(badge);
      await Promise.all([after.close(), page.close()]);
    });

    it('made no request of its own through all of the above', () => {
      expect(probes).toBe(2);
      expect(driver.extensionRequests().slice(probes)).toEqual([]);
    });
  });
}
