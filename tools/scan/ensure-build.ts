import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROME_BUILD } from '../harness/browser';

/** What the built extension is made from: a build older than any of these is stale. */
const SOURCES = ['entrypoints', 'components', 'utils', 'page', 'background', 'public', 'locales', 'wxt.config.ts', 'package.json'];

/**
 * Builds the extension into LEDGERLIGHT_OUT_DIR (or .output) when there is no build yet or the
 * sources changed since, so a measurement or a scan never runs on yesterday's code.
 */
export function ensureBuild(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string {
  const manifest = join(CHROME_BUILD, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (builtAt && newestSource() <= builtAt) return CHROME_BUILD;
  log(builtAt ? 'Sources changed since the last build; rebuilding the extension…' : `No build at ${CHROME_BUILD}; building the extension…`);
  try {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe', env: process.env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the extension did not build:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
  return CHROME_BUILD;
}

function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(resolve(source));
  return newest;
}
