import type { PageConfig } from '../messages';
import type { Rule } from '../model/rule';
import type { EntityKind } from '../model/vocabulary';

type FinancialEntity = PageConfig['entities'][number];
type ResourceKind = 'frame' | 'script' | 'form' | 'link';

/** Rules turned into lookups that cost one regex run or one map probe per candidate element. */
export interface CompiledRules {
  routes: { rule: Rule; pattern: RegExp }[];
  /** One regex over every control phrase; group i+1 belongs to controlRules[i]. */
  controlPattern: RegExp | null;
  controlRules: Rule[];
  selectors: { rule: Rule; selector: string }[];
  resources: Record<ResourceKind, { rule: Rule; partners?: Set<string>; kinds?: Set<EntityKind> }[]>;
  entityPages: { rule: Rule; prefix: string; kinds?: Set<EntityKind> }[];
  /** Domain (without subdomains) to the entity that owns it. */
  domains: Map<string, FinancialEntity>;
  /** Lower-cased handle on this platform to its entity. */
  handles: Map<string, FinancialEntity>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
// Letters, combining marks (Devanagari vowel signs) and digits: a phrase must not sit inside a word.
const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

export function compileRules(config: PageConfig): CompiledRules {
  const compiled: CompiledRules = {
    routes: [],
    controlPattern: null,
    controlRules: [],
    selectors: [],
    resources: { frame: [], script: [], form: [], link: [] },
    entityPages: [],
    domains: new Map(),
    handles: new Map(),
  };
  const controlGroups: string[] = [];
  for (const rule of config.rules) {
    for (const signal of rule.signals) {
      switch (signal.kind) {
        case 'route':
          compiled.routes.push({ rule, pattern: new RegExp(signal.pattern, 'u') });
          break;
        case 'control': {
          // Longer phrases first, so "pay with paypal" wins over "pay" at the same position.
          const phrases = [...new Set(Object.values(signal.labels).flat().map((p) => p.trim().toLowerCase()))].sort((a, b) => b.length - a.length);
          compiled.controlRules.push(rule);
          controlGroups.push(`(${phrases.map(escape).join('|')})`);
          break;
        }
        case 'selector':
          if (isValidSelector(signal.selector)) compiled.selectors.push({ rule, selector: signal.selector });
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
  if (controlGroups.length) compiled.controlPattern = new RegExp(`${EDGE_BEFORE}(?:${controlGroups.join('|')})${EDGE_AFTER}`, 'giu');
  for (const entity of config.entities) {
    for (const domain of entity.domains) compiled.domains.set(domain, entity);
    for (const handle of entity.handles[config.platform.id] ?? []) compiled.handles.set(handle.toLowerCase(), entity);
  }
  return compiled;
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
