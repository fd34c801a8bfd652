/**
 * The generated social page the benchmark runs on: a Facebook-like feed rendered by the page's own
 * script, the way a client-rendered app builds its DOM, so the page's script time is real work to
 * compare ours against. Markup follows the real site's habits: generated class names, nested
 * wrappers, role="button" divs, links through the l.facebook.com redirector, and a few payment
 * controls and payment-firm frames among thousands of ordinary posts.
 *
 * The page exposes `window.ledgerlightFeed` so the benchmark can drive it (add posts, navigate)
 * with the page's own code, as the site would.
 */

const FEED_POSTS = 5_000;
/** Five posts of about twenty elements each: a batch of 100 added nodes. */
export const POSTS_PER_BATCH = 5;

export const FEED_URL = 'https://www.facebook.com/';
/** A small watched page to open first, so the profiler is attached before the feed loads. */
export const WARMUP_URL = 'https://www.facebook.com/bench/warmup';

/** Views reached by single-page navigation, each replacing the feed as the site's router would. */
export const NAVIGATIONS = ['/marketplace/item/4417203911/', '/messages/t/100004217730318/', '/?sk=h_chr'] as const;

export function warmupHtml(): string {
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facebook</title></head><body><div id="mount_0_0_wu"></div></body></html>';
}

export function feedHtml(posts = FEED_POSTS): string {
  return `<!doctype html>
<html lang="en" id="facebook"><head><meta charset="utf-8"><title>Facebook</title>
<style>.x1n2onr6{position:relative}.x78zum5{display:flex}.xdt5ytf{flex-direction:column}.x1iyjqo2{flex-grow:1}.x9f619{box-sizing:border-box}.xh8yej3{width:100%}</style></head>
<body class="_6s5d _71pn system-fonts--body">
<div id="mount_0_0_Fb" class="x1n2onr6"><div class="x9f619 x78zum5" role="banner"><a href="/" aria-label="Facebook" role="link">f</a>
<div role="navigation" aria-label="Facebook"><a href="/watch/" role="link">Watch</a><a href="/marketplace/" role="link">Marketplace</a><a href="/groups/feed/" role="link">Groups</a></div></div>
<div class="x78zum5 xdt5ytf x1iyjqo2" role="main"><div role="feed" class="x1n2onr6 xh8yej3" id="feed"></div></div></div>
<script>${FEED_SCRIPT}
ledgerlightFeed.render(${posts});</script>
</body></html>`;
}

/** Plain JavaScript run by the page itself; kept as text so no build tool rewrites it. */
export const FEED_SCRIPT = String.raw`
(() => {
  let seed = 20180806;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const css = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => 'x' + Math.floor(random() * 2176782336).toString(36)).join(' ');
  const NAMES = ['Dana Ortiz', 'Priya Raman', 'Lucas Almeida', 'Amélie Laurent', 'Jonas Weber', 'Siti Rahma', 'Tom Becker', 'Ana Souza', 'Ravi Kumar', 'Maya Cohen'];
  // What people write mentions money and payment firms: none of it is a payment feature.
  const TEXTS = [
    'Happy birthday! Hope the year treats you well 🎉',
    'can you send it to my PayPal? pay me back whenever',
    'Selling my old bike, message me. Venmo or cash only.',
    'Our bake sale raised 400 dollars! Send money to the club treasurer if you missed it.',
    'Anyone know a good mechanic near the station?',
    'Mit PayPal bezahlen geht auch, schreib mir einfach.',
    'Kirim uang ke rekening saya ya, makasih!',
    'Throwback to last summer at the lake',
    'New blog post: why I switched banks this year',
  ];
  const TIMES = ['2m', '14m', '1h', '3h', '5h', '1d', '2d'];

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    node.className = css();
    for (const name in attrs) node.setAttribute(name, attrs[name]);
    if (children) for (const child of children) node.append(child);
    return node;
  }

  function header(i) {
    const name = pick(NAMES);
    const profile = 'https://www.facebook.com/profile.php?id=' + (100000000000 + i);
    return el('div', {}, [
      el('div', {}, [el('a', { href: profile, role: 'link', 'aria-label': name, tabindex: '-1' }, [el('i', { 'aria-hidden': 'true' })])]),
      el('div', {}, [
        el('h4', {}, [el('a', { href: profile, role: 'link' }, [el('span', { dir: 'auto' }, [name])])]),
        el('span', {}, [el('a', { href: '/permalink.php?story_fbid=' + i, role: 'link', 'aria-label': pick(TIMES) }, [pick(TIMES)])]),
      ]),
    ]);
  }

  function message() {
    return el('div', { 'data-ad-preview': 'message', dir: 'auto' }, [el('div', {}, [el('div', { dir: 'auto' }, [pick(TEXTS)])])]);
  }

  function actions() {
    return el('div', {}, [
      el('div', { role: 'button', tabindex: '0', 'aria-label': 'Like' }, [el('i', {})]),
      el('div', { role: 'button', tabindex: '0', 'aria-label': 'Leave a comment' }, [el('span', {}, ['Comment'])]),
      el('div', { role: 'button', tabindex: '0' }, ['Share']),
    ]);
  }

  /** A shop post: a checkout control, and now and then the payment firm's own frame. */
  function checkout(i) {
    const parts = [el('div', { role: 'button', tabindex: '0' }, [el('span', {}, ['Pay with PayPal'])])];
    if (i % 1000 === 400) parts.push(el('iframe', { src: 'https://js.stripe.com/v3/elements-inner-card.html#id=' + i, title: 'Secure card payment input frame', width: '300', height: '40' }));
    return el('div', {}, parts);
  }

  /** A sponsored post from a bank: its link leaves through the redirector. */
  function sponsored() {
    const target = encodeURIComponent('https://www.chase.com/personal/credit-cards?jp_cmp=fb');
    return el('div', {}, [el('a', { href: 'https://l.facebook.com/l.php?u=' + target + '&h=AT0', role: 'link', target: '_blank' }, [el('span', {}, ['Apply now'])])]);
  }

  function post(i) {
    const extra = i % 250 === 100 ? checkout(i) : i % 300 === 7 ? sponsored() : actions();
    return el('div', { role: 'article', 'aria-posinset': String(i + 1), 'aria-labelledby': 'p' + i }, [header(i), message(), extra]);
  }

  let next = 0;
  const posts = (n) => {
    const fragment = document.createDocumentFragment();
    for (let k = 0; k < n; k++) fragment.append(post(next++));
    return fragment;
  };

  function view(path) {
    if (path.startsWith('/marketplace/item/'))
      return el('div', { role: 'main' }, [
        el('h1', {}, [el('span', {}, ['Road bike, barely used'])]),
        el('div', { role: 'button', tabindex: '0', 'aria-label': 'Message seller' }, [el('span', {}, ['Message'])]),
        el('div', { role: 'button', tabindex: '0' }, [el('span', {}, ['Pay with PayPal'])]),
      ]);
    if (path.startsWith('/messages/t/'))
      return el('div', { role: 'main', 'aria-label': 'Conversation' }, [
        el('div', { role: 'row' }, [el('div', { 'data-testid': 'message-container' }, [el('span', { dir: 'auto' }, ['send money to my paypal pls'])])]),
        el('div', { role: 'toolbar' }, [el('div', { role: 'button', tabindex: '0', 'aria-label': 'Send money' }, [el('i', {})])]),
      ]);
    const feed = el('div', { role: 'feed', id: 'feed' }, []);
    feed.append(posts(200));
    return feed;
  }

  window.ledgerlightFeed = {
    render(n) {
      document.getElementById('feed').append(posts(n));
    },
    append(n) {
      document.getElementById('feed').append(posts(n));
    },
    navigate(path) {
      history.pushState({}, '', path);
      document.querySelector('[role="main"]').replaceChildren(view(path));
    },
  };
})();`;
