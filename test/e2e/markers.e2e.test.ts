import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixture } from '../../tools/harness/fixture-pages';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';

const sendMoney = readFixture(resolve('test/fixtures/pages/messenger/thread-send-money.html'));
const MARKER_NAME = 'Ledgerlight: Person-to-person payments';
/** The fixture with room to scroll, so a marker can be seen following its control. */
const tallThread = sendMoney.html.replace('<body', '<body style="min-height:3000px;padding-top:200px"');
/**
 * Layouts a marker's host could upset, were it to take a box: a flex row spaced by gap and
 * space-between, inside a transformed, clipping wrapper that ends at its last control (where a
 * fixed-position marker would be moved and cut off), and a grid whose cells are auto-placed.
 */
const LAYOUT_URL = 'https://www.messenger.com/t/layout-check';
const layoutPage = `<!doctype html><html lang="en"><head><title>Messenger</title><style>
  body { font: 14px sans-serif; margin: 40px; }
  .clip { transform: translateZ(0); overflow: hidden; width: fit-content; margin-bottom: 40px; }
  .row { display: flex; gap: 16px; justify-content: space-between; width: 420px; }
  .cells { display: grid; grid-template-columns: repeat(3, 110px); gap: 10px; }
  [role="button"] { padding: 6px 10px; border: 1px solid #888; }
</style></head><body>
  <div class="clip"><div class="row" role="toolbar" aria-label="Chat actions">
    <div role="button" tabindex="0">Emoji</div><div role="button" tabindex="0">Photo</div><div role="button" tabindex="0">Send money</div>
  </div></div>
  <div class="cells">
    <div role="button" tabindex="0">Call</div><div role="button" tabindex="0">Request money</div><div role="button" tabindex="0">Video</div>
    <div role="button" tabindex="0">Mute</div><div role="button" tabindex="0">Search</div><div role="button" tabindex="0">Block</div>
  </div>
</body></html>`;

let session: ExtensionSession;
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, { [sendMoney.url]: tallThread, [LAYOUT_URL]: layoutPage });
  // Markers are opt-in; switched on here as the options page would.
  await session.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...DEFAULT_SETTINGS, markers: true });
  page = await session.context.newPage();
  await page.goto(sendMoney.url);
  await settledBadge(session, await session.tabIdOf(page));
  cdp = await session.context.newCDPSession(page);
});
afterAll(() => session?.close());

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Markers live in a closed shadow root that page scripts (and Playwright's selectors) cannot
 * enter; the browser's accessibility tree, which assistive technology reads, sees them all.
 */
async function axButtons(name: string, on = cdp): Promise<{ backendDOMNodeId: number; focused: boolean }[]> {
  const { nodes } = (await on.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean; backendDOMNodeId: number; properties?: { name: string; value: { value: unknown } }[] }[];
  };
  return nodes
    .filter((n) => !n.ignored && n.role?.value === 'button' && n.name?.value === name)
    .map((n) => ({ backendDOMNodeId: n.backendDOMNodeId, focused: n.properties?.some((p) => p.name === 'focused' && p.value.value === true) ?? false }));
}

async function boxOf(backendNodeId: number, on = cdp): Promise<Box> {
  const { model } = (await on.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[]; width: number; height: number } };
  return { x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height };
}

const control = () => page.getByRole('button', { name: 'Send money' });

/** The one marker's box, once there is exactly one and it is laid out. */
async function onlyMarker(): Promise<Box> {
  let box: Box | undefined;
  const measure = async () => {
    const found = await axButtons(MARKER_NAME);
    box = found.length === 1 ? await boxOf(found[0]!.backendDOMNodeId).catch(() => undefined) : undefined;
    return box !== undefined;
  };
  await expect.poll(measure, { timeout: 5_000 }).toBe(true);
  return box!;
}

describe('in-page markers', () => {
  it('puts one marker beside the send-money button, hidden from the page', async () => {
    const marker = await onlyMarker();
    const button = (await control().boundingBox())!;
    expect(marker.x - (button.x + button.width)).toBeGreaterThanOrEqual(0);
    expect(marker.x - (button.x + button.width)).toBeLessThanOrEqual(8);
    expect(Math.abs(marker.y + marker.height / 2 - (button.y + button.height / 2))).toBeLessThanOrEqual(2);
    // The page can see that something is there, right after the control, but can read nothing from it.
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('ledgerlight-marker')].map((host) => ({ shadowRoot: host.shadowRoot, after: host.previousElementSibling?.getAttribute('aria-label') })),
    );
    expect(hosts).toEqual([{ shadowRoot: null, after: 'Send money' }]);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Person-to-person');
  });

  it('follows its control as the page scrolls', async () => {
    const before = await onlyMarker();
    await page.mouse.wheel(0, 150);
    await expect.poll(async () => (await onlyMarker()).y, { timeout: 3_000 }).toBeCloseTo(before.y - 150, 0);
  });

  it('is reached with Tab right after its control, and Shift+Tab goes back', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const focusedInPage = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.localName);
    const markerFocused = async () => (await axButtons(MARKER_NAME))[0]?.focused;
    await control().focus();
    await page.keyboard.press('Tab');
    await expect.poll(markerFocused).toBe(true);
    // From the page's side focus is on the marker's host; the page's next control is next.
    expect(await focusedInPage()).toBe('ledgerlight-marker');
    await page.keyboard.press('Tab');
    expect(await focusedInPage()).toBe('Message');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(markerFocused).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInPage()).toBe('Send money');
  });

  it('opens from the keyboard with a short explanation and its actions, photographed for the README', async () => {
    // The page's own keyboard handlers (send on Enter) must not hear keys meant for the marker.
    await page.evaluate(() => {
      const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
      document.querySelector('[role="toolbar"]')!.addEventListener('keydown', (event) => heard.push((event as KeyboardEvent).key));
    });
    await control().focus();
    await page.keyboard.press('Tab');
    await page.evaluate(() => ((window as unknown as { heard: string[] }).heard.length = 0));
    await page.keyboard.press('Enter');
    for (const action of ['Show details', 'Hide on this site', 'Hide everywhere', 'Close']) expect(await axButtons(action)).toHaveLength(1);
    const button = (await control().boundingBox())!;
    await page.screenshot({ path: resolve('test-results/screenshots/marker.png'), clip: { x: Math.max(0, button.x - 300), y: Math.max(0, button.y - 40), width: 640, height: 300 } });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await axButtons('Show details')).length).toBe(0);
    expect((await axButtons(MARKER_NAME))[0]?.focused).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  });

  it('has no serious or critical axe violation, checked on a copy of its DOM and styles in both themes', async () => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findShadowRoot(root, 'ledgerlight-marker');
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { backendNodeId: shadow.children![0]!.backendNodeId })) as { outerHTML: string };
    const copy = await session.context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      await copy.emulateMedia({ colorScheme });
      // The shadow root's <html> with its <style>, open this time, inside a plain page.
      await copy.setContent('<!doctype html><html lang="en"><head><title>Marker copy</title></head><body><main><div id="host"></div></main></body></html>');
      await copy.evaluate((html) => {
        const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
        root.innerHTML = html.replace(/^<html[^>]*>|<\/html>$/g, '');
        root.querySelectorAll('.ll-panel').forEach((panel) => ((panel as HTMLElement).hidden = false));
        root.querySelectorAll<HTMLElement>('[popover]').forEach((marker) => marker.showPopover());
      }, outerHTML);
      await copy.evaluate(await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
      const violations = await copy.evaluate(async () => (await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document)).violations);
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    }
    await copy.close();
  });

  it('comes back beside its control when the page re-renders its container and drops the marker', async () => {
    // What a page does when it rebuilds a row from its own state, keeping its nodes but not ours.
    await page.evaluate(() => {
      const toolbar = document.querySelector('[role="toolbar"]')!;
      toolbar.replaceChildren(...[...toolbar.children].filter((child) => child.localName !== 'ledgerlight-marker'));
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('ledgerlight-marker')?.previousElementSibling?.getAttribute('aria-label'))).toBe('Send money');
    expect(await axButtons(MARKER_NAME)).toHaveLength(1);
    const marker = await onlyMarker();
    const button = (await control().boundingBox())!;
    expect(Math.abs(marker.y + marker.height / 2 - (button.y + button.height / 2))).toBeLessThanOrEqual(2);
  });

  it('keeps one marker per control as the page re-renders', async () => {
    await page.evaluate(() => {
      const toolbar = document.querySelector('[role="toolbar"]')!;
      toolbar.replaceWith(toolbar.cloneNode(true));
    });
    // Measured until the page's new batch is processed: the old button's marker may still be leaving.
    const offset = async () => {
      const marker = await onlyMarker();
      const button = await control().boundingBox();
      return marker && button ? Math.abs(marker.y + marker.height / 2 - (button.y + button.height / 2)) : Infinity;
    };
    await expect.poll(offset, { timeout: 5_000 }).toBeLessThanOrEqual(2);
    expect(await axButtons(MARKER_NAME)).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelectorAll('ledgerlight-marker').length)).toBe(1);
  });

  it('stops putting it back where a page keeps removing it, and stays beside the control from the end of the page', async () => {
    const removals = () => page.evaluate(() => (window as unknown as { removals: number }).removals);
    await page.evaluate(() => {
      const w = window as unknown as { removals: number };
      w.removals = 0;
      const toolbar = document.querySelector('[role="toolbar"]')!;
      const evict = () =>
        toolbar.querySelectorAll('ledgerlight-marker').forEach((host) => {
          host.remove();
          w.removals++;
        });
      new MutationObserver(evict).observe(toolbar, { childList: true });
      evict();
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('ledgerlight-marker')?.parentElement?.localName)).toBe('body');
    const settled = await removals();
    // A handful of tries, then no more: the page and the marker do not fight forever.
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThanOrEqual(7);
    await page.waitForTimeout(500);
    expect(await removals()).toBe(settled);
    expect(await axButtons(MARKER_NAME)).toHaveLength(1);
    const marker = await onlyMarker();
    const button = (await control().boundingBox())!;
    expect(Math.abs(marker.y + marker.height / 2 - (button.y + button.height / 2))).toBeLessThanOrEqual(2);
  });

  it('drops the marker when the control goes', async () => {
    await control().evaluate((el) => el.remove());
    await expect.poll(async () => (await axButtons(MARKER_NAME)).length, { timeout: 5_000 }).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('ledgerlight-marker').length)).toBe(0);
  });
});

describe('the page’s layout with markers', () => {
  it('moves none of the page’s controls, in flex and grid, and is neither moved nor cut off by a transformed, clipping wrapper', async () => {
    const layout = await session.context.newPage();
    const layoutCdp = await session.context.newCDPSession(layout);
    await layout.goto(LAYOUT_URL);
    const markerBoxes = async () => Promise.all((await axButtons(MARKER_NAME, layoutCdp)).map((n) => boxOf(n.backendDOMNodeId, layoutCdp)));
    await expect.poll(async () => (await markerBoxes()).length, { timeout: 10_000 }).toBe(2);
    const controlBoxes = () => layout.evaluate(() => [...document.querySelectorAll('[role="button"]')].map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
    const withMarkers = await controlBoxes();
    expect(await layout.evaluate(() => [...document.querySelectorAll('ledgerlight-marker')].map((h) => h.previousElementSibling?.textContent))).toEqual([
      'Send money',
      'Request money',
    ]);

    // Beside "Send money", outside the wrapper that clips its content, and really on top there.
    const send = (await layout.getByRole('button', { name: 'Send money' }).boundingBox())!;
    const beside = (await markerBoxes()).find((box) => Math.abs(box.y + box.height / 2 - (send.y + send.height / 2)) <= 2);
    expect(beside!.x - (send.x + send.width)).toBeGreaterThanOrEqual(0);
    expect(beside!.x - (send.x + send.width)).toBeLessThanOrEqual(8);
    const hit = await layout.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: beside!.x + beside!.width / 2, y: beside!.y + beside!.height / 2 });
    expect(hit).toBe('ledgerlight-marker');

    // The same page with markers switched off: every control where it was.
    await session.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...DEFAULT_SETTINGS, markers: false });
    await expect.poll(() => layout.evaluate(() => document.querySelectorAll('ledgerlight-marker').length)).toBe(0);
    expect(await controlBoxes()).toEqual(withMarkers);
    await session.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...DEFAULT_SETTINGS, markers: true });
    await layout.close();
  });
});

describe('the marker’s own actions', () => {
  it('opens the details of this tab and hides markers on this site when asked', async () => {
    // A page of its own, so its tab is the only one showing the thread.
    await page.close();
    const fresh = await session.context.newPage();
    await fresh.goto(sendMoney.url);
    cdp = await session.context.newCDPSession(fresh);
    page = fresh;
    const tabId = await session.tabIdOf(fresh);
    await onlyMarker();

    await fresh.getByRole('button', { name: 'Send money' }).focus();
    await fresh.keyboard.press('Tab');
    await fresh.keyboard.press('Enter');
    const details = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html'), timeout: 5_000 });
    await clickAx('Show details');
    const popup = await details;
    expect(popup.url()).toContain(`popup.html?tab=${tabId}`);
    await popup.locator('[data-arrangement]').first().waitFor();
    await popup.close();

    await clickAx('Hide on this site');
    await expect.poll(async () => (await axButtons(MARKER_NAME)).length, { timeout: 5_000 }).toBe(0);
    const settings = await session.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as { markers: boolean; markersHiddenOn: string[] });
    expect(settings).toMatchObject({ markers: true, markersHiddenOn: ['messenger'] });
  });
});

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findShadowRoot(node: DomNode, host: string): DomNode {
  if (node.localName === host && node.shadowRoots?.[0]) return node.shadowRoots[0];
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    try {
      return findShadowRoot(child, host);
    } catch {
      // not under this child
    }
  }
  throw new Error(`no shadow root on <${host}>`);
}

/** Clicks a button inside the closed root where a person would: at its centre on screen. */
async function clickAx(name: string) {
  const [button] = await axButtons(name);
  if (!button) throw new Error(`no "${name}" button`);
  const box = await boxOf(button.backendDOMNodeId);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
