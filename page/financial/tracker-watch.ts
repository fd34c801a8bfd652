import type { Detection, SignalHit } from '../../utils/model/detection';
import { detectionKey, MAX_DETECTIONS } from '../../utils/model/detection';
import type { TrackerRule } from '../../utils/model/tracker';
import { normalisePhrase } from '../detect/compile';
import { controlName, MAX_LABEL } from '../detect/control-name';
import { isHidden } from '../detect/hidden';
import { findPhrases, indexPhrases, type PhraseIndex } from '../detect/phrases';
import { containsUserContent, isUserContent } from '../detect/user-content';

/**
 * Watches a financial firm's page for social platforms' tracking and sign-in code: scripts and
 * frames the page holds, requests it has made (resource timing, which the page exposes to any
 * script and which costs no network permission), tags a tag manager injects later, and
 * "Continue with Facebook"-style controls. Reports Detection[] whose partner is the platform.
 */

type AddressKind = 'script' | 'frame' | 'request';

interface AddressRule {
  rule: TrackerRule;
  kind: AddressKind;
  path?: RegExp;
}

/** Controls that can carry a sign-in label. */
const CONTROLS = 'button,a[href],[role="button"],[role="link"],input[type="submit"],input[type="button"]';
const WATCHED = `script[src],iframe[src],${CONTROLS}`;
/** A sign-in control's name adds a few words at most ("Continue with Google (recommended)"). */
const EXTRA_WORDS = 4;

export interface CompiledTrackers {
  /** Host to the address signals naming it; a URL's host and each parent domain are looked up. */
  hosts: Map<string, AddressRule[]>;
  phraseIndex: PhraseIndex;
  phrases: Map<string, TrackerRule[]>;
}

export function compileTrackers(rules: readonly TrackerRule[]): CompiledTrackers {
  const hosts = new Map<string, AddressRule[]>();
  const phrases = new Map<string, TrackerRule[]>();
  for (const rule of rules)
    for (const signal of rule.signals) {
      if (signal.kind === 'control') {
        for (const phrase of Object.values(signal.labels).flat()) {
          const key = normalisePhrase(phrase);
          phrases.set(key, [...(phrases.get(key) ?? []), rule]);
        }
        continue;
      }
      const path = signal.path === undefined ? undefined : new RegExp(signal.path, 'u');
      for (const host of signal.hosts) hosts.set(host, [...(hosts.get(host) ?? []), { rule, kind: signal.kind, path }]);
    }
  return { hosts, phraseIndex: indexPhrases(phrases.keys()), phrases };
}

/** The rules an address matches as this kind of signal: its host or a parent domain, then its path. */
export function addressHits(compiled: CompiledTrackers, kind: AddressKind, address: string, base: string): { rule: TrackerRule; signal: SignalHit }[] {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  const hits: { rule: TrackerRule; signal: SignalHit }[] = [];
  const host = url.hostname.toLowerCase();
  for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) {
    const candidate = host.slice(at);
    if (!candidate.includes('.')) break;
    for (const entry of compiled.hosts.get(candidate) ?? [])
      if (entry.kind === kind && (!entry.path || entry.path.test(url.pathname)))
        // Host and path only: the query of a tracking request carries the very data it sends.
        hits.push({ rule: entry.rule, signal: { kind, evidence: `${host}${url.pathname}`.slice(0, 200) } });
  }
  return hits;
}

export interface TrackerWatchOptions {
  report(detections: Detection[]): void;
  /** Defers work to an idle moment; tests pass a synchronous scheduler. */
  schedule?(run: () => void): void;
}

interface Hit {
  rule: TrackerRule;
  signal: SignalHit;
}

export function createTrackerWatch(rules: readonly TrackerRule[], options: TrackerWatchOptions) {
  const compiled = compileTrackers(rules);
  const schedule = options.schedule ?? ((run) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : setTimeout(run, 16)));
  /** Element signals, which leave with their element. */
  const elementHits = new Map<Element, Hit[]>();
  /** Requests already made stay made: a request is evidence for as long as the page lives. */
  const requestHits = new Map<string, Hit>();
  let pending: Element[] = [];
  let entries: PerformanceEntry[] = [];
  let queued = false;
  let pruneDue = false;
  let stopped = false;
  let lastReport: string | undefined;
  let base = '';

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) pending.push(node as Element);
      // Pruned in the next flush: what was removed leaves with its hits.
      if (record.removedNodes.length) pruneDue = true;
    }
    if (pending.length || pruneDue) queue();
  });
  let resources: PerformanceObserver | undefined;

  function queue() {
    if (queued || stopped) return;
    queued = true;
    schedule(flush);
  }

  function flush() {
    queued = false;
    if (stopped) return;
    const batch = pending;
    const requested = entries;
    pending = [];
    entries = [];
    for (const root of batch) read(root);
    for (const entry of requested) readRequest(entry.name);
    if (pruneDue) for (const element of elementHits.keys()) if (!element.isConnected) elementHits.delete(element);
    pruneDue = false;
    emit();
  }

  function read(root: Element | Document) {
    if (root instanceof Element && root.matches(WATCHED)) readElement(root);
    for (const element of root.querySelectorAll(WATCHED)) readElement(element);
  }

  function readElement(element: Element) {
    if (!element.isConnected || elementHits.has(element)) return;
    const hits: Hit[] = [];
    const tag = element.localName;
    if (tag === 'script') hits.push(...addressHits(compiled, 'script', element.getAttribute('src') ?? '', base));
    else if (tag === 'iframe') hits.push(...addressHits(compiled, 'frame', element.getAttribute('src') ?? '', base));
    else hits.push(...controlHits(element));
    if (hits.length) elementHits.set(element, hits);
  }

  function controlHits(element: Element): Hit[] {
    if (!compiled.phraseIndex.size) return [];
    // Named as on a social page (control-name.ts), so a sign-in button labelled by another element counts too.
    const { raw, fromContent } = controlName(element);
    const label = raw.replace(/\s+/g, ' ').trim();
    if (!label || label.length > MAX_LABEL) return [];
    const found = findPhrases(normalisePhrase(label), compiled.phraseIndex, EXTRA_WORDS);
    // What people write is never evidence, on a bank's page as on a social one; nor is a control nobody is shown.
    if (!found.length || isUserContent(element) || (fromContent && containsUserContent(element)) || isHidden(element)) return [];
    return found.flatMap((phrase) => (compiled.phrases.get(phrase) ?? []).map((rule) => ({ rule, signal: { kind: 'control' as const, evidence: label } })));
  }

  function readRequest(name: string) {
    if (requestHits.size >= MAX_DETECTIONS) return;
    for (const hit of addressHits(compiled, 'request', name, base)) requestHits.set(`${hit.rule.id} ${hit.signal.evidence}`, hit);
  }

  function detections(): Detection[] {
    const grouped = new Map<string, Detection>();
    const add = (hit: Hit) => {
      const partners = [hit.rule.platform];
      const key = detectionKey({ ruleId: hit.rule.id, partners });
      let d = grouped.get(key);
      if (!d) grouped.set(key, (d = { ruleId: hit.rule.id, feature: hit.rule.feature, partners, confidence: hit.rule.confidence, count: 0, signals: [] }));
      d.count++;
      if (d.signals.length < 10 && !d.signals.some((s) => s.kind === hit.signal.kind && s.evidence === hit.signal.evidence)) d.signals.push(hit.signal);
    };
    for (const hits of elementHits.values()) hits.forEach(add);
    requestHits.forEach(add);
    return [...grouped.values()].sort((a, b) => detectionKey(a).localeCompare(detectionKey(b))).slice(0, MAX_DETECTIONS);
  }

  function emit() {
    const list = detections();
    const fingerprint = JSON.stringify(list.map((d) => [d.ruleId, d.count, d.signals.length]));
    if (fingerprint === lastReport) return;
    lastReport = fingerprint;
    options.report(list);
  }

  return {
    /** Reads the page and the requests it already made, then follows what is added. */
    start(doc: Document, url: string) {
      base = url;
      observer.observe(doc, { childList: true, subtree: true });
      if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('resource')) {
        // buffered: the entries made before we started arrive first, then each new one.
        resources = new PerformanceObserver((list) => {
          entries.push(...list.getEntries());
          queue();
        });
        resources.observe({ type: 'resource', buffered: true });
      }
      pending.push(doc.documentElement);
      flush();
    },
    stop() {
      stopped = true;
      observer.disconnect();
      resources?.disconnect();
      elementHits.clear();
      requestHits.clear();
    },
    /** Runs pending work now (tests). */
    flush,
    current: detections,
  };
}
