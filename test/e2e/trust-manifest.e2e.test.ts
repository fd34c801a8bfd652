import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HOST_PERMISSIONS } from '@/utils/platforms';

/**
 * The least permissions that work, held to an explicit list: the built-in social sites from
 * utils/platforms.ts up front, storage, activeTab (the popup's "add this site" reads its tab's
 * address when the user opens it), and nothing else unless the user adds a site (then the
 * site and scripting are asked for at that moment). A new permission must be added here on purpose.
 */
const OUT_DIR = resolve(process.env.LEDGERLIGHT_OUT_DIR ?? '.output');

function builtManifest(target: 'chrome-mv3' | 'firefox-mv3'): Record<string, unknown> {
  const file = join(OUT_DIR, target, 'manifest.json');
  if (!existsSync(file)) execFileSync('npx', ['wxt', 'build', ...(target === 'firefox-mv3' ? ['-b', 'firefox'] : [])], { stdio: 'ignore' });
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

const sorted = (list: unknown) => [...(list as string[])].sort();
const EXPECTED_SITES = [...HOST_PERMISSIONS].sort();

describe('the manifest asks for the least that works', () => {
  const chrome = builtManifest('chrome-mv3');
  const firefox = builtManifest('firefox-mv3');

  it('derives the sites from the platform list, only https and only exact hosts', () => {
    expect(EXPECTED_SITES.length).toBeGreaterThan(10);
    for (const site of EXPECTED_SITES) expect(site).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('Chrome: storage, activeTab and the social sites up front; user-added sites and scripting only on request', () => {
    expect(chrome.permissions).toEqual(['storage', 'activeTab']);
    expect(sorted(chrome.host_permissions)).toEqual(EXPECTED_SITES);
    expect(chrome.optional_permissions).toEqual(['scripting']);
    expect(chrome.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('Chrome: the content script runs on the social sites only, in the top frame', () => {
    const scripts = chrome.content_scripts as { matches: string[]; all_frames?: boolean; js: string[] }[];
    expect(scripts).toHaveLength(1);
    expect(sorted(scripts[0]!.matches)).toEqual(EXPECTED_SITES);
    expect(scripts[0]!.all_frames ?? false).toBe(false);
  });

  it('Chrome: no web page can message the extension, and only the watched sites may load the marker style', () => {
    // The in-page marker's stylesheet, fetched into its closed shadow root; a dynamic URL keeps
    // pages from probing for it to learn that Ledgerlight is installed.
    expect(chrome.web_accessible_resources).toEqual([{ resources: ['content-scripts/social.css'], use_dynamic_url: true, matches: expect.any(Array) }]);
    expect(sorted((chrome.web_accessible_resources as { matches: string[] }[])[0]!.matches)).toEqual(EXPECTED_SITES);
    expect(chrome.externally_connectable).toBeUndefined();
    // The default policy forbids remote scripts and eval; a custom one could loosen it.
    expect(chrome.content_security_policy).toBeUndefined();
  });

  it('Firefox: the same permissions as Chrome, in the same MV3 form', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.permissions).toEqual(['storage', 'activeTab']);
    expect(sorted(firefox.host_permissions)).toEqual(EXPECTED_SITES);
    expect(firefox.optional_permissions).toEqual(['scripting']);
    expect(firefox.optional_host_permissions).toEqual(['https://*/*']);
    const scripts = firefox.content_scripts as { matches: string[] }[];
    expect(sorted(scripts[0]!.matches)).toEqual(EXPECTED_SITES);
    expect(sorted((firefox.web_accessible_resources as { matches: string[] }[])[0]!.matches)).toEqual(EXPECTED_SITES);
  });

  it('Firefox: declares that no data is collected, for versions that read the declaration', () => {
    const gecko = (firefox.browser_specific_settings as { gecko: { data_collection_permissions: unknown; strict_min_version: string } }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
  });
});
