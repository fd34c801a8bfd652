import { useState } from 'preact/hooks';
import type { ImportChanges } from '@/utils/model/list-summary';
import type { Problem } from '@/utils/model/integrity';
import type { Transport } from '@/utils/transport';
import { ConfirmAction } from './ConfirmAction';
import { downloadText } from '../download';
import { t } from './text';
import { failureText } from '../failure-text';
import type { Failure as RequestFailure } from '@/utils/protocol';

interface Props {
  transport: Transport;
  /** Called after the stored list changed (import, reset), so views of it reload. */
  onChanged(): void;
}

interface Failure {
  message: string;
  problems: Problem[];
}

const PARTS = ['arrangements', 'entities', 'rules'] as const;

/**
 * Import, export and reset of the arrangement list. An import is previewed (ids added and changed)
 * before anything is written; a bad file changes nothing and names each entry and field at fault.
 */
export function ListManager({ transport, onChanged }: Props) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<{ name: string; text: string; changes: ImportChanges } | null>(null);

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    setFailure(null);
    setPending(null);
    if (!file) return;
    setStatus(t('options.import.checking', [file.name]));
    const text = await file.text();
    // Clearing the input lets the same file be chosen again after it has been fixed.
    input.value = '';
    const preview = await transport['list:preview']({ text });
    setStatus('');
    if (!preview.ok) return setFailure({ message: t('options.import.refused', [file.name, reason(preview)]), problems: preview.problems ?? [] });
    setPending({ name: file.name, text, changes: preview.value });
  }

  async function confirm() {
    if (!pending) return;
    const result = await transport['list:import']({ text: pending.text });
    setPending(null);
    if (!result.ok) return setFailure({ message: t('options.import.failed', [reason(result)]), problems: result.problems ?? [] });
    setStatus(t('options.import.done', [String(total(result.value.added)), String(total(result.value.changed)), result.value.version]));
    onChanged();
  }

  async function exportList() {
    const result = await transport['list:export'](undefined);
    if (!result.ok) return setFailure({ message: failureText(result), problems: [] });
    downloadText('ledgerlight-list.json', result.value, 'application/json');
  }

  async function reset() {
    const result = await transport['list:reset'](undefined);
    if (!result.ok) return setFailure({ message: failureText(result), problems: [] });
    setFailure(null);
    setStatus(t('options.reset.done'));
    onChanged();
  }

  return (
    <div class="list-manager">
      {failure && (
        <div role="alert" class="error">
          <p>{failure.message}</p>
          {failure.problems.length > 1 && (
            <ul class="problems">
              {failure.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status">{status}</p>
      <label class="file">
        {t('options.import.label')} <input type="file" name="import" accept="application/json,.json" onChange={(e) => choose(e.currentTarget)} />
      </label>
      {pending && <ImportPreview name={pending.name} changes={pending.changes} onImport={confirm} onCancel={() => setPending(null)} />}
      <p class="actions">
        <button type="button" onClick={exportList}>
          {t('options.list.export')}
        </button>{' '}
        <ConfirmAction label={t('options.reset.start')} question={t('options.reset.question')} confirmLabel={t('options.reset.confirm')} onConfirm={reset} />
      </p>
    </div>
  );
}

function ImportPreview({ name, changes, onImport, onCancel }: { name: string; changes: ImportChanges; onImport(): void; onCancel(): void }) {
  const nothing = total(changes.added) + total(changes.changed) === 0;
  return (
    <section class="preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('options.import.previewTitle', [name, changes.version])}</h3>
      <p>{t('options.import.summary', [String(total(changes.added)), String(total(changes.changed)), String(changes.unchanged)])}</p>
      {PARTS.map((part) => (
        <IdList key={`added-${part}`} label={t(`options.import.added.${part}`)} ids={changes.added[part]} kind="added" />
      ))}
      {PARTS.map((part) => (
        <IdList key={`changed-${part}`} label={t(`options.import.changed.${part}`)} ids={changes.changed[part]} kind="changed" />
      ))}
      <button type="button" onClick={onImport} disabled={nothing}>
        {t('options.import.confirm')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('options.confirm.cancel')}
      </button>
    </section>
  );
}

function IdList({ label, ids, kind }: { label: string; ids: string[]; kind: 'added' | 'changed' }) {
  if (!ids.length) return null;
  return (
    <div class={`ids ${kind}`}>
      <h4>{label}</h4>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <code>{id}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

const total = (part: ImportChanges['added']) => part.arrangements.length + part.entities.length + part.rules.length;

/** A refused file's own reason stands alone after "was not imported"; any other failure is said in full. */
const reason = (failure: RequestFailure) => (failure.error === 'list-refused' && failure.detail ? failure.detail : failureText(failure));
