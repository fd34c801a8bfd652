import type { PageConfig } from '../messages';
import type { Rule } from '../model/rule';
import type { EntityKind } from '../model/vocabulary';

type FinancialEntity = PageConfig['entities'][number];
type ResourceKind = 'frame' | 'script' | 'form' | 'link';

/** Rules turned into lookups that cost one regex run or one map probe per candidate element. */
export interface CompiledRules {
  routes: { rule: Rule; pattern: RegExp }[];
  /** One regex over every lower-cased control phrase, longest first; run it on lower-cased labels. */
  controlPattern: RegExp | null;
  /** Normalised phrase to every rule that lists it: one phrase may reveal several features. */
  controlPhrases: Map<string, Rule[]>;
  selectors: { rule: Rule; selector: string }[];
  /** Every valid selector joined, so a scan asks the engine once instead of once per rule. */
  selectorUnion: string;
  resources: Record<ResourceKind, { rule: Rule; partners?: Set<string>; kinds?: Set<EntityKind> }[]>;
  entityPages: { rule: Rule; prefix: string; kinds?: Set<EntityKind> }[];
  /** Domain (without subdomains) to the entity that owns it. */
  domains: Map<string, FinancialEntity>;
  /** Lower-cased handle on this platform to its entity. */
  handles: Map<string, FinancialEntity>;
}

/** One character of a phrase as a regex atom: any run of spaces, either apostrophe, or the character itself. */
function atom(char: string): string {
  if (char === ' ') return '\\s+';
  // Sites print apostrophes straight or curly ("l’argent"); either must match.
  if (char === "'") return "['\u2019]";
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The phrases as one regex shaped like a trie, so at each position of a label the engine follows
 * only the branch of its next letter instead of trying hundreds of phrases one by one. Greedy
 * optional tails keep the longest phrase first ("pay with paypal" before "pay").
 */
function trieSource(phrases: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const char of phrase) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([char, child]) => atom(char) + emit(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}
// Letters, combining marks (Devanagari vowel signs) and digits: a phrase must not sit inside a word.
const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/**
 * The source of one regex over every control phrase of these rules, built by the background
 * (it is the same for every page of a platform, and building it is the costliest part of
 * starting a watch). Lower-case phrases against lower-cased labels: without the 'i' flag the
 * engine compiles the pattern about four times faster, and compiling lands in the first scan.
 */
export function controlPatternSource(rules: readonly Rule[]): string | null {
  const phrases = new Set<string>();
  for (const rule of rules) for (const signal of rule.signals) if (signal.kind === 'control') for (const phrase of Object.values(signal.labels).flat()) phrases.add(normalisePhrase(phrase));
  return phrases.size ? `${EDGE_BEFORE}(?:${trieSource([...phrases])})${EDGE_AFTER}` : null;
}

export function compileRules(config: PageConfig): CompiledRules {
  const compiled: CompiledRules = {
    routes: [],
    controlPattern: null,
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
  if (config.controlPattern) compiled.controlPattern = new RegExp(config.controlPattern, 'gu');
  compiled.selectorUnion = compiled.selectors.map((s) => s.selector).join(',');
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
