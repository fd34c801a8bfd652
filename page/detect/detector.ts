import type { Detection, SignalHit } from '../../utils/model/detection';
import { detectionKey, MAX_DETECTIONS } from '../../utils/model/detection';
import type { Rule } from '../../utils/model/rule';
import type { PageConfig } from '../../utils/model/page-config';
import { compileRules, entityForUrl } from './compile';
import { findPhrases } from './phrases';
import { containsUserContent, isUserContent } from './user-content';
import { platformById } from '../../utils/platforms';
import { createHorizon } from './horizon';
import { controlName, MAX_LABEL } from './control-name';
import { isHidden } from './hidden';

/** Elements that can carry a control, frame, script, form or link signal. Everything else is skipped. */
export const CANDIDATES =
  'button,a[href],[role="button"],[role="link"],[role="menuitem"],[role="tab"],input[type="submit"],input[type="button"],summary,iframe,script[src],form[action]';
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'tab']);
/** How long one slice of reading may run before it yields to the page. */
const SLICE_MS = 4;
/** A batch this small (added nodes and relabelled ones) is handled as it arrives, within this long. */
const SMALL_BATCH = 16;
const INLINE_SLICE_MS = 1;
/**
 * How long a flush may wait for the page to go idle. Short, it lands in the middle of a busy
 * page's work (a feed that appends every 100 ms); the user sees a count a moment later instead.
 */
export const IDLE_TIMEOUT_MS = 1_000;
/** Distinct control labels remembered; a feed repeats a few dozen ("Like", "Share") thousands of times. */
const LABEL_MEMORY = 4_000;
/**
 * Custom elements read before they had a shadow root, looked at again later: a component
 * defined after the page parsed attaches its root when it upgrades, and nothing reports that.
 * Each is looked at on these timers only, once per delay, then forgotten: most custom elements
 * (YouTube's, for one) never get a root, and a busy page must not pay for them on every batch.
 */
const MAX_AWAITING_SHADOW = 2_000;
const SHADOW_RECHECKS_MS = [500, 2_000, 8_000];
/** Words a control's name may add to a phrase: "Try Premium for $0", "Join this channel to get perks". */
const EXTRA_WORDS = 6;

/** A control's cleaned-up name and the rule phrases it holds. */
interface LabelMatch {
  label: string;
  phrases: string[];
}

interface Hit {
  rule: Rule;
  partners: string[];
  signal: SignalHit;
}

export interface DetectorOptions {
  /**
   * Called with the page's complete detection set whenever it changes, and whether parts of the
   * page far from the screen are still unread (so the popup can say the count may grow).
   */
  report(detections: Detection[], unread: boolean): void;
  /** Called for each element that fired a rule, so in-page markers can sit beside it. */
  onElements?(elements: Map<Element, Detection[]>): void;
  /** Defers work to an idle moment; tests pass a synchronous scheduler. */
  schedule?(run: () => void): void;
  /**
   * Runs `run` once the browser has just laid the page out (right after a frame). Given, the walk
   * measures only then: asking for a box while the page's last change is not laid out yet makes
   * the browser lay out the whole page at once, which on a long feed costs more than the walk.
   * Without it (tests, the scanner's probe) the walk measures whenever it runs.
   */
  afterLayout?(run: () => void): void;
  /** Milliseconds one slice of reading may run; tests pass 0 to slice every few dozen elements. */
  sliceMs?: number;
  /**
   * Handle a small batch (a few added nodes, nothing else waiting) in the mutation callback
   * itself: waking up again in an idle callback costs the page more than the work. The content
   * script sets it; tests and the benchmark's probe drive flushes themselves.
   */
  inlineSmallBatches?: boolean;
}

/**
 * Watches one page: reads it once when it settles (what is near the screen, the rest as it nears
 * the screen, unless the whole page is asked for), then only the nodes that mutations add, in
 * batches. Page-level signals (routes, an entity's own page) are re-read on navigation; element
 * signals leave with their element.
 */
export function createDetector(config: PageConfig, options: DetectorOptions) {
  const rules = compileRules(config);
  const schedule = options.schedule ?? ((run) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(run, 16)));
  const elementHits = new Map<Element, Hit[]>();
  let pageHits: Hit[] = [];
  let pending: Element[] = [];
  /** Elements whose own label or target changed: their old hits may no longer hold. */
  let changed: Element[] = [];
  let flushQueued = false;
  let lastReport = '';
  const observers: MutationObserver[] = [];
  /** Frames we listen to, so a same-origin frame that loads (or reloads) later is still read. */
  const framesWatched = new WeakSet<Element>();
  const framesRead = new WeakSet<Document>();
  let stopped = false;
  /** The first report goes out even if empty: it replaces what the tab showed before. */
  let reportDue = true;
  let pruneDue = false;
  /** Hits were added or dropped since the last report was put together. */
  let hitsChanged = true;
  let lastUnread = false;
  const labelMatches = new Map<string, LabelMatch | null>();
  /** Hosts waiting for a shadow root, with how many rechecks each has had. */
  let awaitingShadow = new Map<Element, number>();
  /** The round of the recheck timer now running, or -1 when none runs. */
  let shadowRound = -1;
  let shadowCheckDue = false;
  /** The page's origin with a trailing slash, for links that spell out the site's own address. */
  let siteOrigin = '/';
  /** How this site wraps outbound links, looked up once: every link on a feed passes through it. */
  const unwrap = platformById(config.platform.id)?.unwrapRedirect;
  const horizon = createHorizon(document, { read: visit, onNearing: queueFlush, wholePage: config.wholePage });

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        changed.push(record.target as Element);
        continue;
      }
      const removesElements = holdsElement(record.removedNodes);
      // A title rewritten on every tick of a feed: text in the head names no control, and the
      // text nodes it drops held no hit and ended no parked run.
      if (!removesElements && !holdsElement(record.addedNodes) && inHead(record.target)) continue;
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) pending.push(node as Element);
        // New text inside an existing control renames it (React swaps text nodes to relabel a button).
        else if (node.nodeType === 3 && node.parentElement) changed.push(node.parentElement);
      }
      if (removesElements) {
        horizon.removed(record);
        pruneDue = true;
        queueFlush(); // pruning alone is worth a flush
      }
    }
    const small = pending.length + changed.length <= SMALL_BATCH;
    if (options.inlineSmallBatches && !flushQueued && !changed.length && pending.length) {
      // Posts appended to a parked run only lengthen it, which costs less than waking up again
      // for it: a feed that appends on every tick then asks for no idle callback at all.
      for (const element of pending) if (element.isConnected) horizon.added(element);
      pending = [];
      if (!horizon.walking) return;
    }
    if (!pending.length && !changed.length && !horizon.walking) return;
    if (options.inlineSmallBatches && !flushQueued && small) flush(INLINE_SLICE_MS, false);
    else queueFlush();
  });
  observers.push(observer);

  let layoutQueued = false;
  function queueLayoutFlush() {
    if (layoutQueued) return;
    layoutQueued = true;
    options.afterLayout!(() => {
      layoutQueued = false;
      flush(undefined, true);
    });
  }

  function queueFlush() {
    if (flushQueued) return;
    flushQueued = true;
    schedule(() => flush());
  }

  /** Reads what changed and what was added, walks what is due, and reports once nothing is left. */
  function flush(sliceMs = options.sliceMs ?? SLICE_MS, measure = !options.afterLayout) {
    flushQueued = false;
    if (stopped) return;
    const batch = pending;
    const relabelled = changed;
    pending = [];
    changed = [];
    for (const target of relabelled) {
      if (!target.isConnected) continue;
      const element = target.closest(CANDIDATES) ?? target;
      if (elementHits.delete(element)) hitsChanged = true;
      scanOne(element);
    }
    for (const element of batch) if (element.isConnected) horizon.added(element);
    if (shadowCheckDue) enterLateShadows();
    if (pruneDue) horizon.prune();
    if (horizon.work(performance.now() + sliceMs, measure)) return horizon.waitsForLayout && options.afterLayout ? queueLayoutFlush() : queueFlush();
    if (pruneDue) pruneHits();
    pruneDue = false;
    emit(reportDue);
    reportDue = false;
  }

  function watchRoot(root: Document | ShadowRoot) {
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href', 'action', 'aria-label', 'aria-labelledby'] });
  }

  /** The element itself, without its descendants. */
  function scanOne(element: Element) {
    if (element.matches(CANDIDATES)) scanElement(element);
    if (rules.selectorUnion && element.matches(rules.selectorUnion)) selectorHits(element);
  }

  /** Which of the joined selectors matched: paid only for the few elements the union found. */
  function selectorHits(element: Element) {
    for (const { rule, selector, partner } of rules.selectors)
      if (element.matches(selector) && !isUserContent(element))
        addHit(element, { rule, partners: partner ? [partner] : [], signal: { kind: 'selector', evidence: selector } });
  }

  function scanElement(element: Element) {
    const tag = element.localName;
    if (tag === 'iframe') {
      const src = element.getAttribute('src');
      if (src) resourceHits(element, 'frame', src);
      enterFrame(element as HTMLIFrameElement);
      return;
    }
    if (tag === 'script') return resourceHits(element, 'script', element.getAttribute('src') ?? '');
    if (tag === 'form') {
      const action = element.getAttribute('action') ?? '';
      return isOnSite(action, siteOrigin) ? routeHits(element, 'form', action) : resourceHits(element, 'form', action);
    }
    if (tag === 'a') {
      const href = element.getAttribute('href') ?? '';
      // A link on the site has no financial firm's domain to find (most feed links), but it may lead to a payment route.
      if (isOnSite(href, siteOrigin)) routeHits(element, 'link', href);
      else resourceHits(element, 'link', unwrap?.(href) ?? href);
    }
    controlHits(element);
  }

  function enterFrame(frame: HTMLIFrameElement) {
    readFrame(sameOriginDocument(frame));
    if (framesWatched.has(frame)) return;
    framesWatched.add(frame);
    frame.addEventListener('load', () => {
      if (stopped || !readFrame(sameOriginDocument(frame))) return;
      queueFlush();
    });
  }

  /** Walks a same-origin frame's document once (a reload brings a new one); false if there was none to read. */
  function readFrame(inner: Document | null): boolean {
    if (!inner || framesRead.has(inner)) return false;
    framesRead.add(inner);
    watchRoot(inner);
    horizon.walk(inner);
    return true;
  }

  function resourceHits(element: Element, kind: 'frame' | 'script' | 'form' | 'link', url: string) {
    const candidates = rules.resources[kind];
    if (!candidates.length) return;
    const entity = entityForUrl(url, rules.domains);
    if (!entity) return;
    if (kind === 'link' && (isUserContent(element) || isHidden(element))) return;
    for (const { rule, partners, kinds } of candidates) {
      if (partners && !partners.has(entity.id)) continue;
      if (kinds && !kinds.has(entity.kind)) continue;
      addHit(element, { rule, partners: [entity.id], signal: { kind, evidence: hostForEvidence(url) } });
    }
  }

  /**
   * A link or form that stays on the site and leads to one of its payment routes (Facebook's
   * settings list links to /facebook_pay/): one pattern of every such route rejects most links.
   */
  function routeHits(element: Element, kind: 'link' | 'form', url: string) {
    if (!rules.linkRouteUnion) return;
    const path = url.charCodeAt(0) === 47 ? url : safePath(url);
    if (!rules.linkRouteUnion.test(path)) return;
    if (isUserContent(element) || (kind === 'link' && isHidden(element))) return;
    for (const { rule, pattern } of rules.linkRoutes)
      if (pattern.test(path)) addHit(element, { rule, partners: rule.partner ? [rule.partner] : [], signal: { kind, evidence: path.slice(0, 200) } });
  }

  function controlHits(element: Element) {
    if (!rules.phraseIndex.size) return;
    const role = element.getAttribute('role');
    if (role && !CONTROL_ROLES.has(role)) return;
    const { raw, fromContent } = controlName(element);
    if (!raw) return;
    const found = phrasesIn(raw);
    if (!found) return;
    // Only now, for the rare control that matched, pay for walking the tree: a control inside what
    // users write, or one whose name is made of what they wrote (a whole post that is a link), is
    // their words, not the site's feature; a control nobody can see or reach is not offered.
    if (isUserContent(element) || (fromContent && containsUserContent(element)) || isHidden(element)) return;
    for (const phrase of found.phrases)
      for (const rule of rules.controlPhrases.get(phrase) ?? [])
        addHit(element, { rule, partners: rule.partner ? [rule.partner] : [], signal: { kind: 'control', evidence: found.label } });
  }

  /**
   * The rule phrases a control's name holds, remembered per distinct raw name: a feed repeats a
   * few dozen names thousands of times, so each is cleaned up and matched once.
   */
  function phrasesIn(raw: string): LabelMatch | null {
    if (raw.length > MAX_LABEL * 2) return null; // long text is content, and not worth remembering
    const known = labelMatches.get(raw);
    if (known !== undefined) return known;
    const label = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
    const phrases = findPhrases(label.toLowerCase(), rules.phraseIndex, EXTRA_WORDS);
    const result = phrases.length ? { label, phrases } : null;
    if (labelMatches.size >= LABEL_MEMORY) labelMatches.clear();
    labelMatches.set(raw, result);
    return result;
  }

  function addHit(element: Element, hit: Hit) {
    const hits = elementHits.get(element);
    if (!hits) elementHits.set(element, [hit]);
    else if (!hits.some((h) => h.rule.id === hit.rule.id && h.partners.join() === hit.partners.join())) hits.push(hit);
    else return;
    hitsChanged = true;
  }

  /** Element signals leave with their element. */
  function pruneHits() {
    for (const element of elementHits.keys())
      if (!element.isConnected) {
        elementHits.delete(element);
        hitsChanged = true;
      }
  }

  /** Reads the page-level signals of an address; true if they differ from the ones held before. */
  function readPage(url: string): boolean {
    const path = safePath(url);
    siteOrigin = `${originOf(url)}/`;
    const before = pageHits;
    pageHits = [];
    for (const { rule, pattern } of rules.routes)
      if (pattern.test(path)) pageHits.push({ rule, partners: rule.partner ? [rule.partner] : [], signal: { kind: 'route', evidence: path.slice(0, 200) } });
    const lower = path.toLowerCase();
    for (const { rule, prefix, kinds } of rules.entityPages) {
      if (!lower.startsWith(prefix)) continue;
      const handle = lower.slice(prefix.length).split(/[/?#]/, 1)[0] ?? '';
      const entity = rules.handles.get(handle.replace(/^@/, ''));
      if (entity && (!kinds || kinds.has(entity.kind)))
        pageHits.push({ rule, partners: [entity.id], signal: { kind: 'entity-page', evidence: `${prefix}${handle}` } });
    }
    const same = before.length === pageHits.length && before.every((hit, n) => sameHit(hit, pageHits[n]!));
    if (!same) hitsChanged = true;
    return !same;
  }

  function detections(): Detection[] {
    const grouped = new Map<string, Detection>();
    const byElement = new Map<Element, Detection[]>();
    const add = (hit: Hit, element?: Element) => {
      const key = detectionKey({ ruleId: hit.rule.id, partners: hit.partners });
      let d = grouped.get(key);
      if (!d) {
        d = { ruleId: hit.rule.id, feature: hit.rule.feature, partners: [...hit.partners].sort(), confidence: hit.rule.confidence, count: 0, signals: [] };
        grouped.set(key, d);
      }
      d.count++;
      if (d.signals.length < 10 && !d.signals.some((s) => s.kind === hit.signal.kind && s.evidence === hit.signal.evidence)) d.signals.push(hit.signal);
      if (element) byElement.set(element, [...(byElement.get(element) ?? []), d]);
    };
    for (const hit of pageHits) add(hit);
    for (const [element, hits] of elementHits) for (const hit of hits) add(hit, element);
    options.onElements?.(byElement);
    return [...grouped.values()].sort((a, b) => detectionKey(a).localeCompare(detectionKey(b))).slice(0, MAX_DETECTIONS);
  }

  function emit(force = false) {
    const unread = horizon.parked > 0;
    // Most batches add nothing the page did not already show: then there is nothing to regroup.
    if (!force && !hitsChanged && unread === lastUnread) return;
    hitsChanged = false;
    lastUnread = unread;
    const list = detections();
    const fingerprint = JSON.stringify([unread, list.map((d) => [d.ruleId, d.partners, d.count])]);
    if (!force && fingerprint === lastReport) return;
    lastReport = fingerprint;
    options.report(list, unread);
  }

  function enterShadow(shadow: ShadowRoot) {
    watchRoot(shadow);
    horizon.walk(shadow);
  }

  /** Walks the shadow roots that custom elements attached since they were read. */
  function enterLateShadows() {
    shadowCheckDue = false;
    for (const [host, checks] of awaitingShadow) {
      const root = host.isConnected ? host.shadowRoot : null;
      if (root) enterShadow(root);
      if (!host.isConnected || root || checks + 1 >= SHADOW_RECHECKS_MS.length) awaitingShadow.delete(host);
      else awaitingShadow.set(host, checks + 1);
    }
    if (awaitingShadow.size) scheduleShadowCheck(shadowRound + 1);
    else shadowRound = -1;
  }

  /** The next recheck of hosts waiting for a shadow root: a timer, never the page's own batches. */
  function scheduleShadowCheck(round: number) {
    shadowRound = round;
    setTimeout(() => {
      if (stopped) return;
      shadowCheckDue = true;
      queueFlush();
    }, SHADOW_RECHECKS_MS[Math.min(round, SHADOW_RECHECKS_MS.length - 1)]);
  }

  function awaitShadow(host: Element) {
    if (awaitingShadow.has(host) || awaitingShadow.size >= MAX_AWAITING_SHADOW) return;
    awaitingShadow.set(host, 0);
    if (shadowRound < 0) scheduleShadowCheck(0);
  }

  function visit(element: Element) {
    const shadow = element.shadowRoot;
    if (shadow) enterShadow(shadow);
    else if (element.localName.includes('-')) awaitShadow(element);
    if (isCandidate(element)) scanElement(element);
    if (rules.selectorUnion && element.matches(rules.selectorUnion)) selectorHits(element);
  }

  return {
    /**
     * First scan of a settled page, its first slice now and the rest in idle slices; reports once
     * the walk has nothing left. Not a lookup of every frame, script or form: finding those alone
     * means a pass over the whole document, which on a long page costs more than the walk itself;
     * the head and short lists (where scripts sit) are always read whole.
     */
    start(doc: Document, url: string) {
      readPage(url);
      watchRoot(doc);
      horizon.walk(doc);
      flush();
    },
    /**
     * Single-page navigation: the route changed, the DOM follows through mutations. Reported in
     * the next flush rather than now: a site changes the address before it swaps the view, and
     * one report of the new page is worth more than one of each half.
     */
    navigated(url: string) {
      // Most in-app moves (a feed's own pushState, a filter in the address) show the same page
      // signals: then there is nothing to regroup, send or match again.
      if (readPage(url)) queueFlush();
    },
    stop() {
      stopped = true;
      horizon.disconnect();
      for (const o of observers) o.disconnect();
      elementHits.clear();
      pageHits = [];
      pending = [];
      awaitingShadow = new Map();
    },
    /** Runs pending work now (tests and the benchmark measure whole batches). */
    flush: () => flush(),
    /** Parked runs of elements waiting to near the screen (the benchmark reports them). */
    get parked() {
      return horizon.parked;
    },
    /** Elements read so far (the benchmark holds the first scan to a budget in elements). */
    get elementsRead() {
      return horizon.read;
    },
    current: detections,
  };
}

/** The same test as the CANDIDATES selector, without selector matching: the first scan asks it of every element. */
export function isCandidate(element: Element): boolean {
  const tag = element.localName;
  if (tag === 'button' || tag === 'summary' || tag === 'iframe') return true;
  if (tag === 'a' && element.hasAttribute('href')) return true;
  if (tag === 'script' && element.hasAttribute('src')) return true;
  if (tag === 'form' && element.hasAttribute('action')) return true;
  if (tag === 'input') {
    const type = element.getAttribute('type');
    if (type === 'submit' || type === 'button') return true;
  }
  const role = element.getAttribute('role');
  return role !== null && CONTROL_ROLES.has(role);
}

/** A relative address, or an absolute one on this page's own origin: it stays on the site. */
function isOnSite(url: string, origin: string): boolean {
  if (url.charCodeAt(0) === 47) return url.charCodeAt(1) !== 47;
  return url.startsWith(origin);
}

/** The same signal for the same partners; where it was seen (a route's path) may differ. */
function sameHit(a: Hit, b: Hit): boolean {
  return a.rule === b.rule && a.signal.kind === b.signal.kind && a.partners.join() === b.partners.join();
}

function holdsElement(nodes: NodeList): boolean {
  for (const node of nodes) if (node.nodeType === 1) return true;
  return false;
}

function inHead(node: Node): boolean {
  const head = node.ownerDocument?.head;
  return !!head && head.contains(node);
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** The host of an address, as the evidence a frame, script or form signal shows. */
function hostForEvidence(url: string): string {
  return (/^(?:https?:)?\/\/([^/?#]+)/.exec(url)?.[1] ?? url).slice(0, 200);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function safePath(url: string): string {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return '/';
  }
}
