import { useState } from 'preact/hooks';
import type { ImportChanges } from '@/utils/db/list-store';
import type { Transport } from '@/utils/transport';

/** Import, export and reset of the arrangement list. A bad file changes nothing and says why. */
export function ListManager({ transport }: { transport: Transport }) {
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<{ text: string; changes: ImportChanges } | null>(null);

  async function choose(file: File | undefined) {
    setError(null);
    setPending(null);
    if (!file) return;
    setStatus(`Checking ${file.name}…`);
    const text = await file.text();
    const preview = await transport['list:preview']({ text });
    setStatus('');
    if (!preview.ok) return setError(`${file.name} was not imported. ${preview.error}`);
    setPending({ text, changes: preview.value });
  }

  async function confirm() {
    if (!pending) return;
    const result = await transport['list:import']({ text: pending.text });
    setPending(null);
    if (!result.ok) return setError(`Nothing was imported. ${result.error}`);
    setStatus(`Imported: ${count(result.value.added)} added, ${count(result.value.changed)} changed.`);
  }

  async function exportList() {
    const result = await transport['list:export'](undefined);
    if (!result.ok) return setError(result.error);
    const url = URL.createObjectURL(new Blob([result.value], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'ledgerlight-list.json' });
    a.click();
    URL.revokeObjectURL(url);
  }

  async function reset() {
    const result = await transport['list:reset'](undefined);
    if (result.ok) setStatus('The list is back to the one bundled with Ledgerlight.');
    else setError(result.error);
  }

  return (
    <fieldset>
      <legend>Arrangement list</legend>
      {error && <p role="alert" class="error">{error}</p>}
      <p role="status">{status}</p>
      <label>
        Import a list file <input type="file" name="import" accept="application/json,.json" onChange={(e) => choose(e.currentTarget.files?.[0])} />
      </label>
      {pending && (
        <div class="preview" aria-live="polite">
          <p>
            This file adds {count(pending.changes.added)} and changes {count(pending.changes.changed)} entries (version {pending.changes.version}).
          </p>
          <button type="button" onClick={confirm}>Import</button> <button type="button" onClick={() => setPending(null)}>Cancel</button>
        </div>
      )}
      <p>
        <button type="button" onClick={exportList}>Export the list</button> <button type="button" onClick={reset}>Reset to the bundled list</button>
      </p>
    </fieldset>
  );
}

const count = (part: ImportChanges['added']) => part.arrangements.length + part.entities.length + part.rules.length;
