/**
 * `npm run scan -- [--json] [--as URL] <file.html|URL>...`: runs the built extension headless over
 * saved pages or live URLs and prints what it found. Pages that cannot be loaded are reported and
 * the scan goes on; the exit code is non-zero only when the scanner itself fails.
 */
import type { Page } from 'playwright-core';
import { launchExtension } from '../harness/browser';
import { askBackground } from './background';
import { parseArgs, USAGE, UsageError, type ScanOptions } from './args';
import { ensureBuild } from './ensure-build';
import { describePages, type ScannedPage } from './report';
import { scanTarget } from './scanner';

let options: ScanOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  if (error.message) console.error(`scan: ${error.message}\n`);
  console.error(USAGE);
  process.exit(error.message ? 2 : 0);
}

const progress = (line: string) => process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}` : `${line}\n`);

/**
 * A scan reports everything on a page, not only what would be near a reader's screen: the
 * scanner's own browser profile gets the "whole page" setting (the user's profile is never touched).
 */
async function readWholePages(reporter: Page) {
  const settings = await askBackground(reporter, 'settings:get', undefined);
  if (!settings.ok) throw new Error(`the extension could not read its settings: ${settings.error}`);
  const saved = await askBackground(reporter, 'settings:set', { ...settings.value, wholePage: true });
  if (!saved.ok) throw new Error(`the extension could not be set to read whole pages: ${saved.error}`);
}

try {
  ensureBuild();
  const session = await launchExtension();
  try {
    const reporter = await session.context.newPage();
    await reporter.goto(`chrome-extension://${session.extensionId}/popup.html?tab=0`);
    await readWholePages(reporter);
    const pages: ScannedPage[] = [];
    for (const [i, target] of options.targets.entries()) {
      progress(`[${i + 1}/${options.targets.length}] ${target.kind === 'file' ? `${target.path} as ${target.url}` : target.url}`);
      pages.push(await scanTarget(session, reporter, target));
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    console.log(options.json ? JSON.stringify({ pages }, null, 2) : describePages(pages));
  } finally {
    await session.close();
  }
} catch (error) {
  console.error(`scan failed: ${(error as Error).message}`);
  process.exit(1);
}
