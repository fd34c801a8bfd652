import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addressHits, compileTrackers, createTrackerWatch } from '@/page/financial/tracker-watch';
import type { Detection } from '@/utils/model/detection';
import type { TrackerRule } from '@/utils/model/tracker';
import { bundledFromDisk } from '../fixtures';
import { keepPagesOffline, loadPage } from '../detect/page-run';

const DIR = join(process.cwd(), 'test', 'fixtures', 'real-financial');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
interface SavedPage {
  file: string;
  url: string;
  expected: { trackers: string[]; signIn: string[]; loading?: string };
}
const manifest = JSON.parse(read('manifest.json')) as { pages: SavedPage[] };

let trackers: TrackerRule[];
beforeAll(async () => {
  keepPagesOffline();
  trackers = (await bundledFromDisk()).trackers ?? [];
});

/** Runs the watch over the current document once, synchronously, and returns what it reported. */
function watchOnce(url: string): { detections: Detection[]; watch: ReturnType<typeof createTrackerWatch> } {
  const result = { detections: [] as Detection[], watch: undefined as unknown as ReturnType<typeof createTrackerWatch> };
  result.watch = createTrackerWatch(trackers, { report: (list) => (result.detections = list), schedule: (run) => run() });
  result.watch.start(document, url);
  return result;
}

/** The tracker rule ids a manifest's labels promise; a tag manager alone is no platform's code. */
const RULE_FOR: Record<string, string> = { 'google-analytics': 'google-analytics', 'meta-pixel': 'meta-pixel', 'google-tag-manager': '' };

describe('real financial pages', () => {
  for (const page of manifest.pages) {
    const promised = [...page.expected.trackers, ...page.expected.signIn].map((t) => RULE_FOR[t] ?? t).filter(Boolean);
    it(`${page.file} shows ${promised.length ? promised.join(', ') : 'no platform code'}`, () => {
      loadPage(read(page.file));
      const { detections, watch } = watchOnce(page.url);
      watch.stop();
      // A tag an inline bootstrap injects exists only once the page's scripts run, which happy-dom
      // does not do here: such a page shows nothing in its markup (the Chromium test runs it and
      // sees the tag). Every other page shows exactly its labels, and nothing more.
      const fired = [...new Set(detections.map((d) => d.ruleId))].sort();
      expect(fired).toEqual(page.expected.loading === 'inline-bootstrap' ? [] : [...promised].sort());
    });
  }
});

describe('the tracker watch', () => {
  it('sees a pixel a tag manager injects after the first read, and forgets it once removed', () => {
    loadPage('<html><head></head><body><a href="https://www.facebook.com/TaxAct">Facebook</a></body></html>');
    const run = watchOnce('https://www.taxact.com/');
    expect(run.detections).toEqual([]);
    const script = document.createElement('script');
    script.setAttribute('src', 'https://connect.facebook.net/en_US/fbevents.js');
    // Not inserted into the live document's head: happy-dom would fetch it. The observer sees any element added.
    script.type = 'text/plain';
    document.body.append(script);
    run.watch.flush();
    return new Promise<void>((done) =>
      queueMicrotask(() => {
        run.watch.flush();
        expect(run.detections.map((d) => [d.ruleId, d.feature, d.partners])).toEqual([['meta-pixel', 'social-tracking', ['meta']]]);
        expect(run.detections[0]!.signals).toEqual([{ kind: 'script', evidence: 'connect.facebook.net/en_US/fbevents.js' }]);
        script.remove();
        queueMicrotask(() => {
          run.watch.flush();
          expect(run.detections).toEqual([]);
          run.watch.stop();
          done();
        });
      }),
    );
  });

  it('finds a "Continue with Google" control in any signal language, but not in text someone wrote', () => {
    loadPage(
      '<main><button>Weiter mit Google</button><a href="/login" aria-label="Continuar con Facebook">f</a>' +
        '<p>Ask us: <a href="/help">sign in with Apple</a> if you forgot</p></main>',
    );
    const { detections, watch } = watchOnce('https://www.ing.de/');
    watch.stop();
    expect(detections.map((d) => [d.ruleId, d.feature, d.partners[0]])).toEqual([
      ['facebook-sign-in', 'social-sign-in', 'meta'],
      ['google-sign-in', 'social-sign-in', 'google'],
    ]);
  });

  it('names a sign-in control as browsers do, and takes no hidden one as evidence', () => {
    loadPage(
      '<main><a href="/sso/apple" aria-labelledby="apple-label"></a><span id="apple-label">Sign in with Apple</span>' +
        '<div hidden><button>Continue with Google</button></div></main>',
    );
    const { detections, watch } = watchOnce('https://www.ing.de/');
    watch.stop();
    expect(detections.map((d) => d.ruleId)).toEqual(['apple-sign-in']);
  });

  it('reads requests the page already made by host and path, and keeps the query (the data sent) out of the evidence', () => {
    const compiled = compileTrackers(trackers);
    const base = 'https://www.taxact.com/';
    expect(addressHits(compiled, 'request', 'https://www.facebook.com/tr/?id=1&ev=PageView&cd[income]=50000', base)).toEqual([
      { rule: expect.objectContaining({ id: 'meta-pixel' }), signal: { kind: 'request', evidence: 'www.facebook.com/tr/' } },
    ]);
    // The same hosts serve much else: a profile page, a video embed, the site's own analytics lookalike.
    expect(addressHits(compiled, 'request', 'https://www.facebook.com/TaxAct', base)).toEqual([]);
    expect(addressHits(compiled, 'script', 'https://www.googletagmanager.com/gtm.js?id=GTM-1', base)).toEqual([]);
    expect(addressHits(compiled, 'request', 'https://facebook.com.evil.example/tr', base)).toEqual([]);
    for (const [kind, url, id] of [
      ['script', 'https://analytics.tiktok.com/i18n/pixel/events.js', 'tiktok-pixel'],
      ['script', 'https://snap.licdn.com/li.lms-analytics/insight.min.js', 'linkedin-insight-tag'],
      ['script', 'https://static.ads-twitter.com/uwt.js', 'x-pixel'],
      ['script', 'https://sc-static.net/scevent.min.js', 'snap-pixel'],
      ['script', 'https://s.pinimg.com/ct/core.js', 'pinterest-tag'],
      ['script', 'https://www.redditstatic.com/ads/pixel.js', 'reddit-pixel'],
      ['request', 'https://px.ads.linkedin.com/collect?pid=1', 'linkedin-insight-tag'],
    ] as const)
      expect(addressHits(compiled, kind, url, base).map((h) => h.rule.id)).toEqual([id]);
  });
});
