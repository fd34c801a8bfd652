import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { parseListFile } from '@/utils/list-file';
import { createDetector } from '@/page/detect/detector';
import { Detection, MAX_DETECTIONS } from '@/utils/model/detection';
import type { PageConfig } from '@/utils/model/page-config';
import { sampleArrangement } from '../fixtures';
import { ledgerUnderTest } from '../ledger-under-test';

const ENTITY_IDS = ['paypal', 'stripe', 'visa', 'meta', 'facebook', 'messenger', 'no-such-firm'];

/** Lists that are nearly right: the inputs most likely to slip half-way through an importer. */
const nearlyValidList = fc
  .record({
    format: fc.constantFrom<unknown>(1, 1, 1, 2, '1', null),
    version: fc.constantFrom<unknown>('2026.12.01', 'v2', '', 'x'.repeat(41), 7),
    arrangements: fc.array(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'messenger-p2p', 'Bad Id', ''),
        partners: fc.array(fc.constantFrom(...ENTITY_IDS), { maxLength: 3 }),
        platform: fc.constantFrom(...ENTITY_IDS, 'any'),
        title: fc.string({ maxLength: 20 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ arrangements, ...top }) => JSON.stringify({ ...top, arrangements: arrangements.map((a) => sampleArrangement(a)) }));

const anyListText = fc.oneof(fc.string(), fc.json({ maxDepth: 20 }), fc.jsonValue().map((j) => JSON.stringify({ format: 1, version: '1', arrangements: j })), nearlyValidList);

describe('arbitrary input never breaks the importer', () => {
  it('parseListFile answers every text with a list or a reason, never a throw', () => {
    fc.assert(
      fc.property(anyListText, (text) => {
        const parsed = parseListFile(text);
        if (!parsed.ok) expect(parsed.error).toMatch(/\w/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('an import lands whole or not at all, whatever the file holds', async () => {
    const { ledger } = await ledgerUnderTest();
    let landed = 0;
    await fc.assert(
      fc.asyncProperty(anyListText, async (text) => {
        const before = await ledger.exportList();
        const result = await ledger.importList(text);
        const after = JSON.parse(await ledger.exportList()) as { arrangements: { id: string }[] };
        if (!result.ok) {
          expect(result.error).toMatch(/\w/);
          expect(JSON.stringify(after, null, 2)).toBe(before);
        } else {
          landed++;
          const stored = new Set(after.arrangements.map((a) => a.id));
          for (const id of [...result.value.added.arrangements, ...result.value.changed.arrangements]) expect(stored).toContain(id);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach the write path too, or the property proves nothing about it.
    expect(landed).toBeGreaterThan(0);
  }, 60_000);
});

const TAGS = ['div', 'span', 'button', 'a', 'iframe', 'script', 'form', 'input', 'summary', 'section'];
const LABELS = ['Send money', 'Pay with PayPal', 'Add a card', 'Envoyer de l’argent', '<img src=x onerror=alert(1)>', '', 'x'.repeat(300)];
const URLS = ['https://www.paypal.com/checkout', 'https://js.stripe.com/v3', 'https://cdn.plaid.com/link', 'javascript:alert(1)', '//paypal.com', 'not a url', 'https://l.facebook.com/l.php?u=%E0%A4%A'];

interface NodeSpec {
  tag: string;
  attrs: [string, string][];
  text: string;
  children: NodeSpec[];
}

const attribute = fc.oneof(
  fc.tuple(fc.constant('aria-label'), fc.oneof(fc.constantFrom(...LABELS), fc.string())),
  fc.tuple(fc.constantFrom('href', 'src', 'action'), fc.oneof(fc.constantFrom(...URLS), fc.webUrl())),
  fc.tuple(fc.constant('role'), fc.constantFrom('button', 'link', 'menuitem', 'tab', 'article', 'textbox', 'grid')),
  fc.tuple(fc.constant('contenteditable'), fc.constant('true')),
);

/** A tree of elements at most `depth` levels deep: deep enough for nested controls inside user content. */
function domTree(depth: number): fc.Arbitrary<NodeSpec> {
  return fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(attribute, { maxLength: 3 }),
    text: fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 30 })),
    children: depth > 0 ? fc.array(domTree(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });
}

function build(spec: NodeSpec): Element {
  const element = document.createElement(spec.tag);
  for (const [name, value] of spec.attrs) element.setAttribute(name, value);
  if (spec.text) element.append(spec.text);
  for (const child of spec.children) element.append(build(child));
  return element;
}

describe('arbitrary pages never break the detector', () => {
  beforeAll(() => {
    // Random pages hold frames and scripts on random hosts: happy-dom must not try to fetch them.
    const settings = (window as unknown as { happyDOM: { settings: { navigation: { disableChildFrameNavigation: boolean }; disableJavaScriptFileLoading: boolean; handleDisabledFileLoadingAsSuccess: boolean } } }).happyDOM.settings;
    settings.navigation.disableChildFrameNavigation = true;
    settings.disableJavaScriptFileLoading = true;
    settings.handleDisabledFileLoadingAsSuccess = true;
  });

  it('scans, follows mutations and navigation, and reports only well-formed detections', async () => {
    const { ledger } = await ledgerUnderTest();
    const config = (await ledger.pageConfig('https://www.messenger.com/t/1')) as PageConfig;
    expect(config).not.toBeNull();
    await fc.assert(
      fc.asyncProperty(fc.array(domTree(3), { minLength: 1, maxLength: 3 }), fc.array(domTree(2), { maxLength: 3 }), fc.webPath(), async (initial, added, path) => {
        document.body.replaceChildren(...initial.map(build));
        const reports: Detection[][] = [];
        const detector = createDetector(config, { report: (d) => reports.push(d), schedule: (run) => run() });
        try {
          detector.start(document, 'https://www.messenger.com/t/1');
          for (const spec of added) document.body.append(build(spec));
          document.body.firstElementChild?.remove();
          document.body.lastElementChild?.setAttribute('aria-label', 'Send money');
          await new Promise((resolve) => setTimeout(resolve, 0));
          detector.flush();
          detector.navigated(`https://www.messenger.com${path}`);
        } finally {
          detector.stop();
        }
        expect(reports.length).toBeGreaterThan(0);
        for (const report of reports) {
          expect(report.length).toBeLessThanOrEqual(MAX_DETECTIONS);
          // What the detector reports must pass the background's own check, or the findings are lost.
          for (const detection of report) expect(v.safeParse(Detection, detection).issues).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
