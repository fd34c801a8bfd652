import { describe, expect, it } from 'vitest';
import { askedBanks } from '@/components/arrangement/story';
import type { Entity } from '@/utils/model/entity';
import { bundledFromDisk } from '../fixtures';

describe('the founding story', async () => {
  const list = await bundledFromDisk();
  const kinds = new Map<string, Entity['kind']>(list.entities.map((e) => [e.id, e.kind]));

  it('is found in the bundled list on Messenger and on Facebook: four banks asked in 2018, each with its answer', () => {
    for (const page of ['messenger', 'facebook']) {
      const story = askedBanks(list.arrangements, kinds, page)!;
      expect(story).toMatchObject({ year: '2018', asker: 'facebook', platform: 'messenger' });
      expect(story.data).toEqual(['card-transactions', 'account-balances']);
      expect(story.answers.map((a) => [a.bank, a.arrangement.status]).sort()).toEqual([
        ['citigroup', 'reported'],
        ['jpmorgan-chase', 'reported'],
        ['us-bancorp', 'reported'],
        ['wells-fargo', 'reported'],
      ]);
    }
  });

  it('is not told on other sites', () => {
    expect(askedBanks(list.arrangements, kinds, 'instagram')).toBeNull();
    expect(askedBanks(list.arrangements, kinds, 'x')).toBeNull();
  });
});
