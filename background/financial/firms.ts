import type { Entity } from '../../utils/model/entity';
import type { EntityKind } from '../../utils/model/vocabulary';

/** The kinds of firm whose own pages the opt-in reads: financial firms, never platforms or regulators. */
export const FINANCIAL_KINDS: ReadonlySet<EntityKind> = new Set(['bank', 'lender', 'tax-prep', 'bnpl', 'fintech', 'payment-firm', 'card-network']);

export type Firm = Pick<Entity, 'id' | 'name' | 'kind' | 'domains'>;

/** The financial firm whose domain (or a parent of it) serves this https page, if any. */
export function firmForUrl(url: string, entities: readonly Firm[]): Firm | undefined {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return undefined;
    host = parsed.hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (const entity of entities) {
    if (!FINANCIAL_KINDS.has(entity.kind)) continue;
    for (const domain of entity.domains) if (host === domain || host.endsWith(`.${domain}`)) return entity;
  }
  return undefined;
}

/**
 * The host permissions the 'firms' mode asks for: each financial firm's domains with their
 * subdomains (`https://*.taxact.com/*` covers taxact.com and www.taxact.com), made from the list
 * at run time so that an updated list asks for what it names. A domain that is a subdomain of
 * another firm's (pay.google.com under no firm's, say) stays as it is: only the domains listed.
 */
export function firmPatterns(entities: readonly Firm[]): string[] {
  const patterns = new Set<string>();
  for (const entity of entities) if (FINANCIAL_KINDS.has(entity.kind)) for (const domain of entity.domains) patterns.add(`https://*.${domain}/*`);
  return [...patterns].sort();
}

export const EVERY_SITE = 'https://*/*';
