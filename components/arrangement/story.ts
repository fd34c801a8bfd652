import type { Arrangement } from '@/utils/model/arrangement';
import type { Entity } from '@/utils/model/entity';
import type { DataCategory } from '@/utils/model/vocabulary';

/** Statuses of a request that never became a deal in force: asked, refused, or only reported. */
const ASKED = new Set<Arrangement['status']>(['declined', 'reported', 'proposed']);

export interface AskedBanks {
  year: string;
  /** Who asked: the party every request's data would have gone to. */
  asker: string;
  /** The platform the data was wanted for. */
  platform: string;
  data: DataCategory[];
  /** Each bank asked, with the entry that tells how it answered. */
  answers: { bank: string; arrangement: Arrangement }[];
}

/**
 * Requests by one party, in one year, to several banks for their customers' data for one platform:
 * Ledgerlight's founding story (Facebook and four US banks, 2018) is one, found by its shape in the
 * list rather than by entry ids, so a corrected or renamed entry still tells it. Shown on a page
 * of the platform the data was wanted for or of the party that asked.
 */
export function askedBanks(arrangements: readonly Arrangement[], kinds: ReadonlyMap<string, Entity['kind']>, page: string): AskedBanks | null {
  const groups = new Map<string, AskedBanks>();
  for (const a of arrangements) {
    if (!ASKED.has(a.status) || !a.partners.every((p) => kinds.get(p) === 'bank')) continue;
    const askers = new Set(a.flows.filter((f) => a.partners.includes(f.from)).map((f) => f.to));
    if (askers.size !== 1) continue;
    const asker = [...askers][0]!;
    if (page !== a.platform && page !== asker) continue;
    const year = a.since.slice(0, 4);
    const key = `${year}|${asker}|${a.platform}`;
    const group: AskedBanks = groups.get(key) ?? { year, asker, platform: a.platform, data: [], answers: [] };
    for (const flow of a.flows) for (const d of flow.data) if (!group.data.includes(d)) group.data.push(d);
    for (const bank of a.partners) group.answers.push({ bank, arrangement: a });
    groups.set(key, group);
  }
  // A story is several banks asked at once; one bank asked is an entry like any other.
  return [...groups.values()].filter((g) => g.answers.length > 1).sort((a, b) => b.answers.length - a.answers.length)[0] ?? null;
}
