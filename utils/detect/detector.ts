import type { Detection, SignalHit } from '../model/detection';
import { detectionKey, MAX_DETECTIONS } from '../model/detection';
import type { Rule } from '../model/rule';
import type { PageConfig } from '../messages';
import { compileRules, entityForUrl, type CompiledRules } from './compile';
import { isUserContent } from './user-content';

/** Elements that can carry a control, frame, script, form or link signal. Everything else is skipped. */
const CANDIDATES =
  'button,a[href],[role="button"],[role="link"],[role="menuitem"],[role="tab"],input[type="submit"],input[type="button"],summary,iframe[src],script[src],form[action]';
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'tab']);
const MAX_LABEL = 80;

interface Hit {
  rule: Rule;
  partners: string[];
  signal: SignalHit;
}

export interface DetectorOptions {
  /** Called with the page's complete detection set whenever it changes. */
  report(detections: Detection[]): void;
  /** Called for each element that fired a rule, so in-page markers can sit beside it. */
  onElements?(elements: Map<Element, Detection[]>): void;
  /** Defers work to an idle moment; tests pass a synchronous scheduler. */
  schedule?(run: () => void): void;
}

/**
 * Watches one page: scans it once when it settles, then only the nodes that mutations add, in
 * batches. Page-level signals (routes, an entity's own page) are re-read on navigation; element
 * signals leave with their element.
 */
export function createDetector(config: PageConfig, options: DetectorOptions) {
  const rules = compileRules(config);
  const schedule = options.schedule ?? ((run) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 250 }) : setTimeout(run, 16)));
  const elementHits = new Map<Element, Hit[]>();
  let pageHits: Hit[] = [];
  let pending: Node[] = [];
  let flushQueued = false;
  let lastReport = '';
  const observers: MutationObserver[] = [];

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') pending.push(record.target);
      else for (const node of record.addedNodes) if (node.nodeType === 1) pending.push(node);
      if (record.removedNodes.length) queueFlush(); // pruning alone is worth a flush
    }
    if (pending.length) queueFlush();
  });
  observers.push(observer);

  function queueFlush() {
    if (flushQueued) return;
    flushQueued = true;
    schedule(flush);
  }

  function flush() {
    flushQueued = false;
    const batch = pending;
    pending = [];
    for (const node of batch) if (node.isConnected) scanSubtree(node as Element);
    for (const element of elementHits.keys()) if (!element.isConnected) elementHits.delete(element);
    emit();
  }

  function watchRoot(root: Document | ShadowRoot) {
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href', 'action', 'aria-label'] });
  }

  /** Scans an element, its descendants, and any open shadow roots or same-origin frames among them. */
  function scanSubtree(root: Element | Document | ShadowRoot) {
    if (root instanceof Element) {
      if (root.matches(CANDIDATES)) scanElement(root);
      for (const { rule, selector } of rules.selectors) if (root.matches(selector)) addHit(root, { rule, partners: rule.partner ? [rule.partner] : [], signal: { kind: 'selector', evidence: selector } });
    }
    for (const element of root.querySelectorAll(CANDIDATES)) scanElement(element);
    for (const { rule, selector } of rules.selectors)
      for (const element of root.querySelectorAll(selector)) addHit(element, { rule, partners: rule.partner ? [rule.partner] : [], signal: { kind: 'selector', evidence: selector } });
    enterShadowRoots(root);
  }

  function enterShadowRoots(root: Element | Document | ShadowRoot) {
    const all = root.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const shadow = all[i]!.shadowRoot;
      if (shadow) {
        watchRoot(shadow);
        scanSubtree(shadow);
      }
    }
    if (root instanceof Element && root.shadowRoot) {
      watchRoot(root.shadowRoot);
      scanSubtree(root.shadowRoot);
    }
  }

  function scanElement(element: Element) {
    const tag = element.localName;
    if (tag === 'iframe') {
      const src = element.getAttribute('src') ?? '';
      resourceHits(element, 'frame', src);
      const inner = sameOriginDocument(element as HTMLIFrameElement);
      if (inner) {
        watchRoot(inner);
        scanSubtree(inner);
      }
      return;
    }
    if (tag === 'script') return resourceHits(element, 'script', element.getAttribute('src') ?? '');
    if (tag === 'form') return resourceHits(element, 'form', element.getAttribute('action') ?? '');
    if (tag === 'a') resourceHits(element, 'link', unwrapRedirect(element.getAttribute('href') ?? ''));
    controlHits(element);
  }

  function resourceHits(element: Element, kind: 'frame' | 'script' | 'form' | 'link', url: string) {
    const candidates = rules.resources[kind];
    if (!candidates.length) return;
    const entity = entityForUrl(url, rules.domains);
    if (!entity) return;
    if (kind === 'link' && isUserContent(element)) return;
    for (const { rule, partners, kinds } of candidates) {
      if (partners && !partners.has(entity.id)) continue;
      if (kinds && !kinds.has(entity.kind)) continue;
      addHit(element, { rule, partners: [entity.id], signal: { kind, evidence: hostForEvidence(url) } });
    }
  }

  function controlHits(element: Element) {
    const pattern = rules.controlPattern;
    if (!pattern) return;
    const role = element.getAttribute('role');
    if (role && !CONTROL_ROLES.has(role)) return;
    const label = accessibleLabel(element);
    if (!label) return;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    let checkedUserContent = false;
    while ((match = pattern.exec(label))) {
      if (!checkedUserContent) {
        // Only now, for the rare control that matched, pay for walking up the tree.
        if (isUserContent(element)) return;
        checkedUserContent = true;
      }
      const index = match.findIndex((group, i) => i > 0 && group !== undefined);
      const rule = rules.controlRules[index - 1];
      if (rule) addHit(element, { rule, partners: rule.partner ? [rule.partner] : [], signal: { kind: 'control', evidence: label } });
    }
  }

  function addHit(element: Element, hit: Hit) {
    const hits = elementHits.get(element);
    if (!hits) elementHits.set(element, [hit]);
    else if (!hits.some((h) => h.rule.id === hit.rule.id && h.partners.join() === hit.partners.join())) hits.push(hit);
  }

  function readPage(url: string) {
    const path = safePath(url);
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
    const list = detections();
    const fingerprint = JSON.stringify(list.map((d) => [d.ruleId, d.partners, d.count]));
    if (!force && fingerprint === lastReport) return;
    lastReport = fingerprint;
    options.report(list);
  }

  return {
    /** First scan of a settled page. */
    start(doc: Document, url: string) {
      readPage(url);
      watchRoot(doc);
      scanSubtree(doc);
      emit(true);
    },
    /** Single-page navigation: the route changed, the DOM follows through mutations. */
    navigated(url: string) {
      readPage(url);
      for (const element of elementHits.keys()) if (!element.isConnected) elementHits.delete(element);
      emit(true);
    },
    stop() {
      for (const o of observers) o.disconnect();
      elementHits.clear();
      pageHits = [];
      pending = [];
    },
    /** Runs pending work now (tests and the benchmark measure whole batches). */
    flush,
    current: detections,
  };
}

function accessibleLabel(element: Element): string {
  const aria = element.getAttribute('aria-label');
  if (aria) return aria.length <= MAX_LABEL ? aria : '';
  if (element.localName === 'input') return (element as HTMLInputElement).value.slice(0, MAX_LABEL);
  const text = element.textContent ?? '';
  // A long text is content, not a control's name.
  if (text.length > MAX_LABEL * 2) return '';
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** Social sites route outgoing links through their own redirectors; the real target is in a parameter. */
function unwrapRedirect(href: string): string {
  const match = /^https:\/\/(?:l|lm)\.(?:facebook|instagram|messenger)\.com\/l\.php\?u=([^&]+)/.exec(href);
  if (!match?.[1]) return href;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return href;
  }
}

function hostForEvidence(url: string): string {
  return (/^(?:https?:)?\/\/([^/?#]+)/.exec(url)?.[1] ?? url).slice(0, 200);
}

function safePath(url: string): string {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return '/';
  }
}
