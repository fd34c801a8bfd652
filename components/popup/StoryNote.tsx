import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import type { Transport } from '@/utils/transport';
import { listOf } from '../../utils/i18n';
import { askedBanks, type AskedBanks } from '../arrangement/story';
import { dataList } from '../arrangement/sentence';
import { StatusLine } from '../arrangement/StatusLine';
import { SourceList } from '../arrangement/SourceList';

/** A bank's answer in two or three words, from the status of its entry. */
const ANSWER = { declined: 'story.declined', reported: 'story.unconfirmed', proposed: 'story.asked_only' } as const;

interface Props {
  transport: Transport;
  /** The page's platform: the story shows where it happened. */
  platform: string;
  name(id: string): string;
}

/**
 * Where it happened, the story that started Ledgerlight: a platform asking several banks at once
 * for their customers' data. Two lines, then each bank's answer as the list's entry tells it. Asked
 * for after the verdict is painted: the entries are in the list whether or not the page shows a
 * bank-linking control.
 */
export function StoryNote({ transport, platform, name }: Props) {
  const [story, setStory] = useState<AskedBanks | null>(null);
  const [kindsNames, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    void transport['list:query']({}).then((r) => {
      if (!r.ok) return;
      setNames(new Map(r.value.entities.map((e) => [e.id, e.name])));
      setStory(askedBanks(r.value.arrangements, new Map(r.value.entities.map((e) => [e.id, e.kind])), platform));
    });
  }, [platform]);
  if (!story) return null;
  const called = (id: string) => kindsNames.get(id) ?? name(id);
  return (
    <section class="story" aria-label={i18n.t('story.label')} data-testid="story">
      <p class="story-lead">
        {i18n.t('story.asked', { year: story.year, asker: called(story.asker), banks: listOf(story.answers.map((a) => called(a.bank))), data: dataList(story.data), platform: called(story.platform) })}
      </p>
      <ul class="story-answers">
        {story.answers.map(({ bank, arrangement }) => (
          <StoryAnswer key={arrangement.id} bank={called(bank)} arrangement={arrangement} />
        ))}
      </ul>
    </section>
  );
}

function StoryAnswer({ bank, arrangement: a }: { bank: string; arrangement: Arrangement }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-story={a.id}>
      <button type="button" class="link-button" aria-expanded={open} aria-controls={`story-${a.id}`} onClick={() => setOpen(!open)}>
        {i18n.t('story.answer', { bank, answer: i18n.t(ANSWER[a.status as keyof typeof ANSWER] ?? 'story.asked_only') })}
      </button>
      {open && (
        <div id={`story-${a.id}`} class="row-detail">
          <StatusLine arrangement={a} />
          <SourceList sources={a.sources} />
        </div>
      )}
    </li>
  );
}
