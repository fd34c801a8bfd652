import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDetector } from '@/page/detect/detector';
import type { Detection } from '@/utils/model/detection';
import type { PageConfig } from '@/utils/model/page-config';
import { keepPagesOffline } from './page-run';
import { BANK_LINK, everyLanguage, PAY_SETTINGS_ROUTE, PAYMENT_FRAME, SEND_MONEY, testConfig } from './test-config';

let stopCurrent: (() => void) | undefined;
beforeAll(keepPagesOffline);
afterEach(() => {
  stopCurrent?.();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** A detector on the test document whose mutation batches run when the test says so. */
function watch(html: string, config: PageConfig = testConfig(), url = 'https://www.facebook.com/') {
  document.body.innerHTML = html;
  const reports: Detection[][] = [];
  let queued: (() => void) | undefined;
  const detector = createDetector(config, { report: (list) => reports.push(list), schedule: (run) => void (queued = run) });
  detector.start(document, url);
  stopCurrent = () => detector.stop();
  const settle = async () => {
    await Promise.resolve(); // MutationObserver callbacks run as microtasks
    queued?.();
    queued = undefined;
  };
  const found = () => (reports.at(-1) ?? []).map((d) => `${d.ruleId}${d.partners.length ? `:${d.partners.join('+')}` : ''}`).sort();
  return { detector, reports, settle, found };
}

describe('detector', () => {
  it('finds a control, a frame and a link on the first scan', () => {
    const { found } = watch(`
      <div role="toolbar"><div role="button" aria-label="Send money"></div></div>
      <iframe src="https://www.paypal.com/sdk/card-fields"></iframe>
      <a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.chase.com%2Fchecking">Open an account</a>`);
    expect(found()).toEqual(['chat-send-money', 'financial-site-link:jpmorgan-chase', 'payment-frame:paypal']);
  });

  it('scans only what a mutation batch adds, never the whole document again', async () => {
    const { settle, found } = watch('<main><div role="feed"></div></main>');
    const post = document.createElement('article');
    post.innerHTML = '<div><div role="button" aria-label="Send money"></div></div>';
    document.querySelector('[role="feed"]')!.append(post);
    // Every element the detector reads has its role asked; only the post's may be.
    const read: Element[] = [];
    const original = Element.prototype.getAttribute;
    vi.spyOn(Element.prototype, 'getAttribute').mockImplementation(function (this: Element, name: string) {
      if (name === 'role') read.push(this);
      return original.call(this, name);
    });
    await settle();
    expect(found()).toEqual(['chat-send-money']);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((element) => !post.contains(element))).toEqual([]);
  });

  it('handles a small batch as it arrives when asked to, and leaves a big one for an idle moment', async () => {
    document.body.innerHTML = '<main><div role="feed"></div></main>';
    const reports: Detection[][] = [];
    const later: (() => void)[] = [];
    const detector = createDetector(testConfig(), { report: (list) => reports.push(list), schedule: (run) => void later.push(run), inlineSmallBatches: true });
    detector.start(document, 'https://www.facebook.com/');
    stopCurrent = () => detector.stop();
    const feed = document.querySelector('[role="feed"]')!;
    feed.insertAdjacentHTML('beforeend', '<div><div role="button" aria-label="Send money"></div></div>');
    await Promise.resolve();
    expect(later).toHaveLength(0);
    expect(reports.at(-1)!.map((d) => d.ruleId)).toEqual(['chat-send-money']);
    for (let i = 0; i < 20; i++) feed.append(document.createElement('article'));
    await Promise.resolve();
    expect(later).toHaveLength(1);
  });

  it('drops what leaves the page, as when a dialog closes', async () => {
    const { settle, found } = watch('<div role="dialog"><iframe src="https://www.paypal.com/checkoutnow"></iframe></div>');
    expect(found()).toEqual(['payment-frame:paypal']);
    document.querySelector('[role="dialog"]')!.remove();
    await settle();
    expect(found()).toEqual([]);
  });

  it('re-reads the route on single-page navigation and forgets the old one', async () => {
    const { detector, found, settle } = watch('<main></main>', testConfig([PAY_SETTINGS_ROUTE]));
    expect(found()).toEqual([]);
    detector.navigated('https://www.facebook.com/facebook_pay/settings');
    await settle();
    expect(found()).toEqual(['meta-payment-settings-route']);
    detector.navigated('https://www.facebook.com/marketplace/');
    await settle();
    expect(found()).toEqual([]);
  });

  it("finds a bank's own page from the handle in the address", async () => {
    const { detector, found, settle } = watch('<main></main>');
    detector.navigated('https://www.facebook.com/Chase?ref=page');
    await settle();
    expect(found()).toEqual(['financial-entity-page:jpmorgan-chase']);
  });

  it('searches open shadow roots, including what is added inside them later', async () => {
    const { settle, found } = watch('<main></main>');
    // A web component arrives with its shadow root already filled, as custom elements attach it on creation.
    const host = document.createElement('shreddit-post');
    host.attachShadow({ mode: 'open' }).innerHTML = '<section><button>Send money</button></section>';
    document.querySelector('main')!.append(host);
    await settle();
    expect(found()).toEqual(['chat-send-money']);
    host.shadowRoot!.append(Object.assign(document.createElement('iframe'), { src: 'https://www.paypal.com/pay' }));
    await settle();
    expect(found()).toEqual(['chat-send-money', 'payment-frame:paypal']);
  });

  it('searches a shadow root attached after its host was read (a component defined late)', async () => {
    vi.useFakeTimers();
    try {
      const { detector, found } = watch('<main><late-widget></late-widget></main>');
      expect(found()).toEqual([]);
      document.querySelector('late-widget')!.attachShadow({ mode: 'open' }).innerHTML = '<button>Send money</button>';
      // Nothing in the light DOM changes: only the rechecks after the first scan can notice.
      await vi.advanceTimersByTimeAsync(10_000);
      detector.flush();
      expect(found()).toEqual(['chat-send-money']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('looks again for a late shadow root on its timers only, three times at most, however busy the page', async () => {
    vi.useFakeTimers();
    try {
      const { detector, settle } = watch('<main><div role="feed"></div><light-widget></light-widget></main>');
      // A custom element that never gets a root, as most of YouTube's do: count every look at it.
      let looks = 0;
      const host = document.querySelector('light-widget')!;
      Object.defineProperty(host, 'shadowRoot', { get: () => (looks++, null) });
      const append = async (posts: number) => {
        for (let i = 0; i < posts; i++) {
          document.querySelector('[role="feed"]')!.append(document.createElement('article'));
          await settle();
        }
      };
      // The first batches finish the first scan, which reads the host; from then on the page's
      // own batches never look at it, however many there are.
      await append(5);
      const before = looks;
      await append(40);
      expect(looks).toBe(before);
      // Each timer asks for a batch; run whatever is asked, for far longer than the rechecks take.
      for (let i = 0; i < 10; i++) {
        await vi.advanceTimersByTimeAsync(10_000);
        await settle();
      }
      expect(looks - before).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names a control the way the browser does: aria-labelledby, title and an image alt', () => {
    const { detector } = watch(`
      <div id="row" aria-hidden="true"><div>Facebook Pay</div><div>Send money to friends</div></div>
      <a href="/facebook_pay/x" aria-labelledby="row"></a>
      <a href="https://example.com/" title="Send money"><svg></svg></a>
      <button><img src="x.png" alt="Send money"></button>`);
    expect(detector.current().map((d) => [d.ruleId, d.count, d.signals.map((s) => s.evidence)])).toEqual([
      ['chat-send-money', 3, ['Facebook Pay Send money to friends', 'Send money']],
    ]);
  });

  it('takes a link or form leading to a payment route of the site as evidence, not only the address of the page', () => {
    const route = { ...PAY_SETTINGS_ROUTE, signals: [{ kind: 'route' as const, pattern: '^/facebook_pay(?:[/?#]|$)', links: true }] };
    const { detector } = watch(
      `<nav><a href="/facebook_pay/?referrer=settings">Payments</a><a href="https://www.facebook.com/facebook_pay">again</a></nav>
       <form action="/facebook_pay/confirm"></form><div data-testid="post_message"><a href="/facebook_pay/">mine</a></div><a href="/facebook_payroll">no</a>`,
      testConfig([route]),
      'https://www.facebook.com/settings',
    );
    const [d] = detector.current();
    expect(d?.ruleId).toBe('meta-payment-settings-route');
    expect(d?.signals.map((s) => `${s.kind} ${s.evidence}`)).toEqual(['link /facebook_pay/?referrer=settings', 'link /facebook_pay', 'form /facebook_pay/confirm']);
    // A route without "links" is the page's address only.
    expect(watch('<a href="/facebook_pay/">Payments</a>', testConfig([PAY_SETTINGS_ROUTE])).found()).toEqual([]);
  });

  it('does not count controls nobody can see or reach', () => {
    const { found } = watch(`
      <div hidden><button>Send money</button></div>
      <div aria-hidden="true"><div role="button">Send money</div></div>
      <div inert><a href="https://www.chase.com/">Chase</a></div>`);
    expect(found()).toEqual([]);
  });

  it("names the vendor of an SDK's frame from the frame's name when it has no src", () => {
    const sdk: PageConfig['rules'][number] = {
      id: 'payment-sdk-element',
      feature: 'checkout',
      confidence: 'high',
      description: 'SDK element.',
      signals: [{ kind: 'selector', selector: 'iframe[name^="__zoid__paypal_buttons__"], .paypal-buttons', partner: 'paypal' }],
    };
    const { found } = watch('<div class="paypal-buttons paypal-buttons-context-iframe"><iframe name="__zoid__paypal_buttons__eyJzZW5kZXIiOnt9fQ__"></iframe></div>', testConfig([sdk]));
    expect(found()).toEqual(['payment-sdk-element:paypal']);
  });

  it('searches same-origin frames and follows what is added inside them', async () => {
    const { settle, found } = watch('<main></main>');
    const frame = document.createElement('iframe');
    document.querySelector('main')!.append(frame);
    frame.contentDocument!.body.innerHTML = '<div role="button">Send money</div>';
    await settle();
    expect(found()).toEqual(['chat-send-money']);
    frame.contentDocument!.body.insertAdjacentHTML('beforeend', '<a href="https://www.chase.com/">Chase</a>');
    await settle();
    expect(found()).toEqual(['chat-send-money', 'financial-site-link:jpmorgan-chase']);
  });

  it('never counts what users write, even when their text is a whole link', () => {
    const { found } = watch(`
      <div data-testid="tweetText"><a role="link" href="https://www.chase.com/">send money to my Chase</a></div>
      <div role="link" tabindex="0"><div data-ad-preview="message">Send money please</div></div>
      <div role="button" tabindex="0">dana_o do you take PayPal? send money to me when you can</div>
      <div contenteditable="true" role="textbox"><p><button>Send money</button></p></div>`);
    expect(found()).toEqual([]);
  });

  it('follows a control renamed in place, in both directions', async () => {
    const { settle, found } = watch('<div role="button" id="b" aria-label="Loading"></div><button id="t">Loading</button>');
    document.getElementById('b')!.setAttribute('aria-label', 'Send money');
    await settle();
    expect(found()).toEqual(['chat-send-money']);
    document.getElementById('b')!.setAttribute('aria-label', 'Share');
    document.getElementById('t')!.replaceChildren('Send money');
    await settle();
    expect(found()).toEqual(['chat-send-money']);
    document.getElementById('t')!.replaceChildren('Sent');
    await settle();
    expect(found()).toEqual([]);
  });

  it('lets one phrase reveal every rule that lists it', () => {
    const wallet = { ...SEND_MONEY, id: 'wallet-balance', feature: 'wallet' as const, signals: [{ kind: 'control' as const, labels: everyLanguage('add money', 'send money') }] };
    const { found } = watch('<button>Send money</button>', testConfig([SEND_MONEY, wallet]));
    expect(found()).toEqual(['chat-send-money', 'wallet-balance']);
  });

  it('matches labels in other scripts and with curly apostrophes, as whole words only', () => {
    const french = { ...SEND_MONEY, signals: [{ kind: 'control' as const, labels: { ...everyLanguage('send money'), fr: ["envoyer de l'argent"], hi: ['पैसे भेजें'] } }] };
    const { found } = watch('<button>Envoyer de l’argent</button>', testConfig([french]));
    expect(found()).toEqual(['chat-send-money']);
    expect(watch('<button>पैसे भेजें</button>', testConfig([french])).found()).toEqual(['chat-send-money']);
    expect(watch('<button>Resend money</button>', testConfig([french])).found()).toEqual([]);
  });

  it('skips an invalid selector without losing the rule’s other signals', () => {
    const broken = { ...PAYMENT_FRAME, signals: [{ kind: 'selector' as const, selector: 'div[[' }, ...PAYMENT_FRAME.signals] };
    const { found } = watch('<div hidden><iframe src="https://paypal.com/x"></iframe></div>', testConfig([broken, BANK_LINK]));
    expect(found()).toEqual(['payment-frame:paypal']);
  });

  it('reports the same page once, and again only when it changes', async () => {
    const { reports, settle } = watch('<button>Send money</button>');
    document.body.append(document.createElement('span'));
    await settle();
    expect(reports).toHaveLength(1);
  });
});

describe('the first scan in slices', () => {
  /**
   * Filler posts, a Send money button past the first slice (a few dozen elements), then more posts,
   * scanned a few hundred elements per slice.
   */
  function slicedPage() {
    const post = '<div><span>post</span></div>';
    document.body.innerHTML = `${post.repeat(140)}<div role="button" aria-label="Send money"></div>${post.repeat(1000)}`;
    const slices: (() => void)[] = [];
    const reports: Detection[][] = [];
    const detector = createDetector(testConfig(), { report: (list) => reports.push(list), schedule: (run) => void slices.push(run), sliceMs: 0 });
    stopCurrent = () => detector.stop();
    detector.start(document, 'https://www.facebook.com/');
    const drain = () => {
      while (slices.length) slices.shift()!();
    };
    return { detector, slices, reports, drain };
  }

  it('yields to the page between slices and reports once, after the whole page', () => {
    const { slices, reports, drain } = slicedPage();
    expect(slices.length).toBe(1);
    expect(reports).toEqual([]);
    drain();
    expect(reports.at(-1)?.map((d) => d.ruleId)).toEqual(['chat-send-money']);
  });

  it('leaves what the page appends mid-scan to the walk, and walks only what lands before its cursor', async () => {
    const { detector, reports, drain } = slicedPage();
    const tail = document.createElement('div');
    tail.innerHTML = '<span>late post</span><a href="https://www.chase.com/">Chase</a>';
    document.body.append(tail);
    const early = document.createElement('div');
    early.innerHTML = '<iframe src="https://www.paypal.com/sdk/card-fields"></iframe>';
    document.body.prepend(early);
    await Promise.resolve(); // the mutation callback
    drain();
    // Each element once: the appended post in the walk's own turn, the prepended one by a walk of its own.
    expect(detector.elementsRead).toBe(document.getElementsByTagName('*').length);
    expect(reports.at(-1)?.map((d) => d.ruleId)).toEqual(['chat-send-money', 'financial-site-link', 'payment-frame']);
  });
});

describe('what the page changes without changing what it shows', () => {
  /** A watch with the content script's options: small batches handled as they arrive. */
  function quietWatch(config = testConfig()) {
    document.body.innerHTML = '<main><div role="button" aria-label="Send money"></div></main>';
    const reports: Detection[][] = [];
    const later: (() => void)[] = [];
    const detector = createDetector(config, { report: (list) => reports.push(list), schedule: (run) => void later.push(run), inlineSmallBatches: true });
    detector.start(document, 'https://www.facebook.com/');
    stopCurrent = () => detector.stop();
    return { detector, reports, later };
  }

  it('a rewritten title asks for no flush and sends nothing', async () => {
    const { reports, later } = quietWatch();
    expect(reports).toHaveLength(1);
    for (let tick = 0; tick < 5; tick++) {
      document.title = `(${tick}) Facebook`;
      await Promise.resolve();
    }
    expect(later).toEqual([]);
    expect(reports).toHaveLength(1);
  });

  it('an in-app move with the same page signals sends nothing; one that changes them reports', async () => {
    const { detector, reports, later } = quietWatch(testConfig([PAY_SETTINGS_ROUTE, SEND_MONEY]));
    detector.navigated('https://www.facebook.com/?sk=h_chr');
    detector.navigated('https://www.facebook.com/groups/feed/');
    expect(later).toEqual([]);
    detector.navigated('https://www.facebook.com/facebook_pay/settings');
    while (later.length) later.shift()!();
    expect(reports).toHaveLength(2);
    expect(reports.at(-1)!.map((d) => d.ruleId)).toEqual(['chat-send-money', 'meta-payment-settings-route']);
  });
});
