/**
 * `npm start`: the built extension in Chromium on the bundled demo pages, served at their real
 * social hosts from test/fixtures/demo (never from the network), with in-page markers switched on.
 * With a display it is a window to click around in; without one it runs headless and writes
 * screenshots and a report to demo-output/. `npm run screenshots` (`--readme`) also writes the
 * README's popup pictures to docs/screenshots/, from the bundled list and these pages only.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtension, servePages, settledBadge } from './harness/browser';
import { readFixturePages } from './harness/fixture-pages';
import { describeTab } from './harness/report';
import { DEFAULT_SETTINGS } from '../utils/model/settings';

const OUT = resolve('demo-output');
const readme = process.argv.includes('--readme');
const headless = readme || process.argv.includes('--headless') || !process.env.DISPLAY;
/** The README's popup pictures: the Messenger chat, where the story happened. */
const README_PAGE = 'messenger-chat';

const pages = readFixturePages(resolve('test/fixtures/demo'));
const session = await launchExtension({ headless });
await servePages(session.context, Object.fromEntries(pages.map((p) => [p.url, p.html])));
// Markers are opt-in; the demo shows them, as a user who switched them on would see them.
await session.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...DEFAULT_SETTINGS, markers: true });
const financialNames = (JSON.parse(await readFile(resolve('public/data/entities.json'), 'utf8')) as { entities: { name: string; kind: string }[] }).entities
  .filter((e) => e.kind !== 'platform' && e.kind !== 'owner')
  .map((e) => e.name);

if (!headless) {
  for (const p of pages) await (await session.context.newPage()).goto(p.url);
  console.log(`Ledgerlight is running in Chromium on ${pages.length} demo pages. Click the extension's toolbar icon on each tab; close the window to quit.`);
  await new Promise((done) => session.context.on('close', done));
  process.exit(0);
}

await mkdir(OUT, { recursive: true });
const report: string[] = [`Ledgerlight demo — ${new Date().toISOString()}`, ''];
for (const [i, p] of pages.entries()) {
  const page = await session.context.newPage();
  await page.goto(p.url);
  const tabId = await session.tabIdOf(page);
  const badge = await settledBadge(session, tabId);
  const stem = `${String(i + 1).padStart(2, '0')}-${p.name.replace(/\.html$/, '')}`;
  const shot = await page.screenshot({ fullPage: false });
  await writeFile(resolve(OUT, `${stem}-page.png`), await withToolbar(shot, p.url, badge));

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    // The popup's own size: 400 px wide, at most 600 tall; it scrolls within that.
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="summary"], [role="alert"]');
    // The 2018 note arrives from the list right after the first paint.
    if (p.url.includes('messenger.com')) await popup.getByTestId('story').waitFor({ timeout: 5_000 }).catch(() => undefined);
    const shot = resolve(OUT, `${stem}-popup${scheme === 'dark' ? '-dark' : ''}.png`);
    await popup.screenshot({ path: shot });
    if (readme && p.name.startsWith(README_PAGE)) await copyFile(shot, resolve(`docs/screenshots/popup-${scheme}.png`));
    if (scheme === 'light') {
      report.push(...(await describeTab(popup, p.url, badge)));
      if (!badge) report.push(`  ${await whyQuiet(page)}`);
      report.push('');
    }
    await popup.close();
  }
}
await writeFile(resolve(OUT, 'report.txt'), report.join('\n'));
console.log(report.join('\n'));
console.log(`Screenshots and report written to ${OUT}/ (open report.txt, and the *-page.png and *-popup.png files).`);
await session.close();

/**
 * Why a page with bank and payment names on it shows nothing: the names are in what people
 * wrote, and what people write is never evidence of a feature.
 */
async function whyQuiet(page: import('playwright-core').Page): Promise<string> {
  const text = await page.evaluate(() => document.body.innerText);
  const named = financialNames.filter((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text));
  return named.length
    ? `why nothing is flagged: the page names ${named.join(', ')} only in what people wrote; posts are not evidence of a payment feature, and the page has no payment control, frame, script or link of its own.`
    : 'why nothing is flagged: the page has no payment control, frame, script or link.';
}

/** Headless Chromium draws no toolbar, so the badge is drawn above the page as a person would see it. */
async function withToolbar(screenshot: Buffer, url: string, badge: string): Promise<Buffer> {
  const frame = await session.context.newPage();
  await frame.setViewportSize({ width: 1280, height: 944 });
  await frame.setContent(`<!doctype html><body style="margin:0;font:13px system-ui">
    <div style="height:44px;display:flex;align-items:center;gap:12px;padding:0 12px;background:#dee1e6;border-bottom:1px solid #bbb">
      <div id="url" style="flex:1;background:#fff;border-radius:14px;padding:6px 12px;color:#333"></div>
      <div style="position:relative;width:28px;height:28px;border-radius:6px;background:#8a4b08;color:#fff;display:grid;place-items:center;font-weight:700">L
        <span id="badge" style="position:absolute;right:-8px;bottom:-6px;min-width:14px;padding:0 3px;border-radius:8px;background:#8a4b08;border:1px solid #fff;font-size:11px;text-align:center"></span></div>
    </div><img id="page" style="display:block;width:1280px"></body>`);
  await frame.evaluate(
    ([u, b, src]) => {
      document.getElementById('url')!.textContent = u!;
      const badgeEl = document.getElementById('badge')!;
      badgeEl.textContent = b!;
      badgeEl.style.display = b ? 'block' : 'none';
      (document.getElementById('page') as HTMLImageElement).src = src!;
    },
    [url, badge, `data:image/png;base64,${screenshot.toString('base64')}`],
  );
  await frame.waitForFunction(() => (document.getElementById('page') as HTMLImageElement).complete);
  const composed = await frame.screenshot({ fullPage: true });
  await frame.close();
  return composed;
}
