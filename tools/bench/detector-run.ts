import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { PageConfig } from '../../utils/model/page-config';
import * as v from 'valibot';
import { Entity } from '../../utils/model/entity';
import { DEFAULT_SETTINGS } from '../../utils/model/settings';
import { pageConfigFor } from '../../background/page-config';
import type { Rule } from '../../utils/model/rule';
import { platformForUrl } from '../../utils/platforms';
import { bundleProbe } from './bundle';
import type { ProbeTimes } from './detector-probe';
import { FEED_URL, NAVIGATIONS, POSTS_PER_BATCH } from './feed-page';
import { BATCHES } from './feed-run';
import { naiveDetectorScript } from './naive-detector';

/** The page config the background would send for the feed, built from the bundled data files. */
function feedConfig(dataDir = resolve('public/data')): PageConfig {
  const platform = platformForUrl(FEED_URL)!;
  const rules = (JSON.parse(readFileSync(resolve(dataDir, 'rules.json'), 'utf8')) as { rules: Rule[] }).rules;
  const entities = (JSON.parse(readFileSync(resolve(dataDir, 'entities.json'), 'utf8')) as { entities: unknown[] }).entities;
  return pageConfigFor({ id: platform.id, owner: platform.owner }, rules, entities.map((e) => v.parse(Entity, e)), DEFAULT_SETTINGS);
}

/**
 * Exact timings, without a profiler attached, of the real detector code on the generated feed: its first scan, each batch of
 * 100 added elements and each navigation, timed in the page with performance.now().
 */
export async function timeDetector(context: BrowserContext): Promise<ProbeTimes> {
  const probe = await bundleProbe(resolve('tools/bench/detector-probe.ts'));
  const page = await context.newPage();
  await page.goto(FEED_URL, { waitUntil: 'load', timeout: 180_000 });
  await page.addScriptTag({ content: probe });
  await page.waitForTimeout(500);
  await page.evaluate((config) => window.ledgerlightDetectorProbe.start(config), feedConfig());
  for (let i = 0; i < BATCHES; i++) {
    await page.evaluate((posts) => window.ledgerlightFeed.append(posts), POSTS_PER_BATCH);
    await page.evaluate(() => window.ledgerlightDetectorProbe.flushBatch());
  }
  await page.evaluate(() => window.ledgerlightDetectorProbe.scrollThrough());
  for (const path of NAVIGATIONS) {
    await page.evaluate((to) => window.ledgerlightFeed.navigate(to), path);
    await page.evaluate(() => window.ledgerlightDetectorProbe.navigated());
  }
  const times = await page.evaluate(() => window.ledgerlightDetectorProbe.times);
  await page.close();
  return times;
}

/**
 * The first scan of a feed that appends 20 posts every 100 ms from its load on: how many elements
 * the real detector, scheduled as in the extension, had read when it first reported.
 */
export async function firstScanWhileAppending(context: BrowserContext, url: string): Promise<number> {
  const probe = await bundleProbe(resolve('tools/bench/detector-probe.ts'));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.addScriptTag({ content: probe });
  await page.evaluate((config) => window.ledgerlightDetectorProbe.live(config), feedConfig());
  await page.waitForTimeout(3_000);
  const read = await page.evaluate(() => window.ledgerlightDetectorProbe.firstScanRead ?? NaN);
  await page.close();
  return read;
}

/** The same batches and navigations with the naive detector, which times its own full rescans. */
export async function timeNaiveDetector(context: BrowserContext): Promise<{ firstScan: number; batches: number[] }> {
  const page = await context.newPage();
  await page.goto(FEED_URL, { waitUntil: 'load', timeout: 180_000 });
  await page.addScriptTag({ content: naiveDetectorScript() });
  for (let i = 0; i < BATCHES; i++) await page.evaluate((posts) => window.ledgerlightFeed.append(posts), POSTS_PER_BATCH);
  const times = await page.evaluate(() => (window as unknown as { ledgerlightNaiveTimes: { firstScan: number; batches: number[] } }).ledgerlightNaiveTimes);
  await page.close();
  return times;
}
