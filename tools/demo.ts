/**
 * `npm start`: the built extension in Chromium on the bundled demo pages, served at their real
 * social hosts from test/fixtures/demo (never from the network). With a display it is a window to
 * click around in; without one it runs headless and writes screenshots and a report to demo-output/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtension, servePages, settledBadge } from './harness/browser';
import { readFixturePages } from './harness/fixture-pages';
import { describeTab } from './harness/report';

const OUT = resolve('demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

const pages = readFixturePages(resolve('test/fixtures/demo'));
const session = await launchExtension({ headless });
await servePages(session.context, Object.fromEntries(pages.map((p) => [p.url, p.html])));

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

  const popup = await session.context.newPage();
  // The size Chromium gives a toolbar popup at most; the popup scrolls within it.
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="summary"], [role="alert"]');
  await popup.screenshot({ path: resolve(OUT, `${stem}-popup.png`) });
  report.push(...(await describeTab(popup, p.url, badge)), '');
  await popup.close();
}
await writeFile(resolve(OUT, 'report.txt'), report.join('\n'));
console.log(report.join('\n'));
console.log(`Screenshots and report written to ${OUT}/ (open report.txt, and the *-page.png and *-popup.png files).`);
await session.close();

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
