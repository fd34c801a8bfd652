import type { PageConfig } from '../../utils/model/page-config';
import type { Rule } from '../../utils/model/rule';
import type { EntityKind } from '../../utils/model/vocabulary';
import { indexPhrases, type PhraseIndex } from './phrases';

type FinancialEntity = PageConfig['entities'][number];
type ResourceKind = 'frame' | 'script' | 'form' | 'link';

/** Rules turned into lookups that cost one regex run or one map probe per candidate element. */
export interface CompiledRules {
  routes: { rule: Rule; pattern: RegExp }[];
  /** Routes that links and forms on the site may lead to, and one pattern of them all to reject most links at once. */
  linkRoutes: { rule: Rule; pattern: RegExp }[];
  linkRouteUnion: RegExp | null;
  /** Control phrases by their first word, to find them in a control's name word by word. */
  phraseIndex: PhraseIndex;
  /** Normalised phrase to every rule that lists it: one phrase may reveal several features. */
  controlPhrases: Map<string, Rule[]>;
  selectors: { rule: Rule; selector: string; partner?: string }[];
  /** Every valid selector joined, so a scan asks the engine once instead of once per rule. */
  selectorUnion: string;
  resources: Record<ResourceKind, { rule: Rule; partners?: Set<string>; kinds?: Set<EntityKind> }[]>;
  entityPages: { rule: Rule; prefix: string; kinds?: Set<EntityKind> }[];
  /** Domain (without subdomains) to the entity that owns it. */
  domains: Map<string, FinancialEntity>;
  /** Lower-cased handle on this platform to its entity. */
  handles: Map<string, FinancialEntity>;
}

export function compileRules(config: PageConfig): CompiledRules {
  const compiled: CompiledRules = {
    routes: [],
    linkRoutes: [],
    linkRouteUnion: null,
    phraseIndex: new Map(),
    controlPhrases: new Map(),
    selectors: [],
    selectorUnion: '',
    resources: { frame: [], script: [], form: [], link: [] },
    entityPages: [],
    domains: new Map(),
    handles: new Map(),
  };
  for (const rule of config.rules) {
    for (const signal of rule.signals) {
      switch (signal.kind) {
        case 'route':
          compiled.routes.push({ rule, pattern: new RegExp(signal.pattern, 'u') });
          if (signal.links) compiled.linkRoutes.push({ rule, pattern: new RegExp(signal.pattern, 'u') });
          break;
        case 'control':
          for (const phrase of Object.values(signal.labels).flat()) {
            const key = normalisePhrase(phrase);
            const owners = compiled.controlPhrases.get(key);
            if (!owners) compiled.controlPhrases.set(key, [rule]);
            else if (!owners.includes(rule)) owners.push(rule);
          }
          break;
        case 'selector':
          if (isValidSelector(signal.selector)) compiled.selectors.push({ rule, selector: signal.selector, partner: signal.partner ?? rule.partner });
          break;
        case 'entity-page':
          compiled.entityPages.push({ rule, prefix: signal.prefix.toLowerCase(), kinds: signal.entityKinds && new Set(signal.entityKinds) });
          break;
        default:
          compiled.resources[signal.kind].push({
            rule,
            partners: signal.partners && new Set(signal.partners),
            kinds: signal.entityKinds && new Set(signal.entityKinds),
          });
      }
    }
  }
  compiled.phraseIndex = indexPhrases(compiled.controlPhrases.keys());
  compiled.selectorUnion = compiled.selectors.map((s) => s.selector).join(',');
  if (compiled.linkRoutes.length) compiled.linkRouteUnion = new RegExp(compiled.linkRoutes.map((r) => `(?:${r.pattern.source})`).join('|'), 'u');
  for (const entity of config.entities) {
    for (const domain of entity.domains) compiled.domains.set(domain, entity);
    for (const handle of entity.handles[config.platform.id] ?? []) compiled.handles.set(handle.toLowerCase(), entity);
  }
  return compiled;
}

/** The form a phrase and a matched label share: lower case, single spaces, curly apostrophes straightened. */
export function normalisePhrase(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'");
}

function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** The entity owning a URL's host or one of its parent domains. */
export function entityForUrl(url: string, domains: Map<string, FinancialEntity>): FinancialEntity | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  for (let dot = -1; ; ) {
    const candidate = host.slice(dot + 1);
    const entity = domains.get(candidate);
    if (entity) return entity;
    dot = host.indexOf('.', dot + 1);
    if (dot < 0 || host.indexOf('.', dot + 1) < 0) return undefined;
  }
}

/** Host of an absolute http(s) or protocol-relative URL, without parsing a full URL object. */
function hostOf(url: string): string | undefined {
  let start: number;
  if (url.startsWith('https://')) start = 8;
  else if (url.startsWith('http://')) start = 7;
  else if (url.startsWith('//')) start = 2;
  else return undefined;
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35 || c === 58) break; // / ? # :
    end++;
  }
  const host = url.slice(start, end).toLowerCase();
  const at = host.lastIndexOf('@');
  return at >= 0 ? host.slice(at + 1) : host;
}
