import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import { lawsFor, requestLetter, requestTargets, type Law, type RequestKind } from './request-letter';
import { downloadText } from '../download';

const LAW_LABEL = { gdpr: 'law.gdpr', ccpa: 'law.ccpa' } as const;

interface Props {
  arrangement: Arrangement;
  name(id: string): string;
}

/**
 * A data access or deletion request to a party that receives data in the arrangement, ready to
 * copy or save. The user picks the recipient, the law and the kind; the text follows at once.
 * The form is built the first time its section opens: the popup shows every finding's request
 * collapsed, and building twenty letters nobody asked for would delay the findings themselves.
 */
export function RequestForm({ arrangement, name }: Props) {
  const [opened, setOpened] = useState(false);
  if (!requestTargets(arrangement).length) return null;
  return (
    <details class="request" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{i18n.t('actions.requestHeading')}</summary>
      {opened && <RequestFields arrangement={arrangement} name={name} />}
    </details>
  );
}

function RequestFields({ arrangement, name }: Props) {
  const targets = useMemo(() => requestTargets(arrangement), [arrangement]);
  const laws = useMemo(() => lawsFor(arrangement.regions), [arrangement]);
  const [party, setParty] = useState(targets[0]?.party);
  const [law, setLaw] = useState<Law>(laws[0]!);
  const [kind, setKind] = useState<RequestKind>('access');
  const [copyStatus, setCopyStatus] = useState('');
  const target = targets.find((t) => t.party === party);
  if (!target) return null;

  const letter = requestLetter({ law, kind, partyName: name(target.party), data: target.data, arrangementTitle: arrangement.title });
  const field = (what: string) => `${what}-${arrangement.id}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(letter.text);
      setCopyStatus(i18n.t('actions.copied'));
    } catch {
      setCopyStatus(i18n.t('actions.copyFailed'));
    }
  };
  const save = () => downloadText(letter.fileName, letter.text, 'text/plain;charset=utf-8');

  return (
    <>
      <div class="request-fields">
        {targets.length > 1 && (
          <label>
            {i18n.t('actions.recipient')}
            <select id={field('party')} value={party} onChange={(e) => setParty(e.currentTarget.value)}>
              {targets.map((t) => (
                <option key={t.party} value={t.party}>
                  {name(t.party)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {i18n.t('actions.law')}
          <select id={field('law')} value={law} onChange={(e) => setLaw(e.currentTarget.value as Law)}>
            {laws.map((l) => (
              <option key={l} value={l}>
                {i18n.t(LAW_LABEL[l])}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="request-kind">
          <legend>{i18n.t('actions.kind')}</legend>
          {(['access', 'deletion'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={field('kind')} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {i18n.t(k === 'access' ? 'actions.kindAccess' : 'actions.kindDeletion')}
            </label>
          ))}
        </fieldset>
      </div>
      <label class="letter-label" for={field('letter')}>
        {i18n.t('actions.letterLabel')}
      </label>
      <textarea id={field('letter')} class="letter" readOnly rows={8} value={letter.text} />
      <div class="request-buttons">
        <button type="button" onClick={copy}>
          {i18n.t('actions.copy')}
        </button>
        <button type="button" onClick={save}>
          {i18n.t('actions.save')}
        </button>
      </div>
      <p class="copy-status" role="status">
        {copyStatus}
      </p>
    </>
  );
}
