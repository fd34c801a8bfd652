import { useState } from 'preact/hooks';
import type { Transport } from '@/utils/transport';
import { ConfirmAction } from './ConfirmAction';
import { t } from './text';
import { failureText } from '../failure-text';

/** Wipes everything Ledgerlight stored: imports, history, per-tab findings, settings and added sites. */
export function ClearAllPanel({ transport, onCleared }: { transport: Transport; onCleared(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function clearAll() {
    const result = await transport['data:clear-all'](undefined);
    if (!result.ok) return setError(failureText(result));
    setError(null);
    setStatus(t('options.clearAll.done'));
    onCleared();
  }

  return (
    <section id="data" aria-labelledby="data-title" class="panel">
      <h2 id="data-title">{t('options.clearAll.title')}</h2>
      <p class="hint">{t('options.clearAll.explain')}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      <ConfirmAction
        label={t('options.clearAll.start')}
        question={t('options.clearAll.question')}
        confirmLabel={t('options.clearAll.confirm')}
        onConfirm={clearAll}
      />
    </section>
  );
}
