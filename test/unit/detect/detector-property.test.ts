import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDetector } from '@/page/detect/detector';
import type { Detection } from '@/utils/model/detection';
import { bundledFromDisk } from '../fixtures';
import { keepPagesOffline, pageConfigSource } from './page-run';
import type { PageConfig } from '@/utils/model/page-config';

// No <script>: happy-dom would try to load each one. Script addresses go through the same URL parser as frames and links.
const TAGS = ['div', 'span', 'a', 'button', 'iframe', 'form', 'p', 'section', 'input', 'summary', 'template'];
const ATTRIBUTES = ['href', 'src', 'action', 'aria-label', 'role', 'data-testid', 'slot', 'class', 'id', 'contenteditable', 'type', 'value', 'hidden'];
const NASTY = ['https://www.paypal.com/x', '//chase.com', 'https://l.facebook.com/l.php?u=%E0%A4%A', 'javascript:alert(1)', 'https://@/', '[[', '"', "'", '</a>', '\u0000', 'Send money', 'Pay in 4', 'पैसे भेजें'];

/** Attribute values and text: arbitrary strings mixed with the ones that reach the detector's parsers. */
const value = fc.oneof(fc.string(), fc.constantFrom(...NASTY), fc.webUrl());

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), value), { maxLength: 4 }),
      depth > 1 ? fc.array(fc.oneof(value.map(escapeText), element(depth - 1)), { maxLength: 4 }) : fc.constant([]),
    )
    .map(([tag, attributes, children]) => `<${tag}${attributes.map(([name, v]) => ` ${name}="${escapeAttribute(v)}"`).join('')}>${children.join('')}</${tag}>`),
);

function escapeText(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
function escapeAttribute(text: string) {
  return escapeText(text).replace(/"/g, '&quot;');
}

describe('detector on arbitrary pages', () => {
  let config: PageConfig;
  beforeAll(async () => {
    keepPagesOffline();
    config = await (await pageConfigSource(await bundledFromDisk()))('https://www.facebook.com/');
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('never throws on arbitrary markup, raw HTML strings, mutations or addresses', () => {
    fc.assert(
      fc.property(fc.oneof(element(4), fc.string()), fc.array(fc.oneof(element(3), fc.string()), { maxLength: 3 }), value, (page, additions, path) => {
        document.body.innerHTML = page;
        let last: Detection[] = [];
        const detector = createDetector(config, { report: (list) => (last = list), schedule: (run) => run() });
        try {
          detector.start(document, 'https://www.facebook.com/');
          for (const html of additions) document.body.insertAdjacentHTML('beforeend', html);
          detector.flush();
          detector.navigated(`https://www.facebook.com/${encodeURI(path)}`);
          detector.navigated(path);
          for (const d of last) expect(d.count).toBeGreaterThan(0);
        } finally {
          detector.stop();
        }
      }),
      { numRuns: 150 },
    );
   }, 60_000);
});
