import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The floor: an extension that only observes the page's mutations with the detector's own
 * options and counts the elements added. No extension that watches a page's changes can cost
 * less; ours is held to twice this. Written to a temporary folder for the run, never shipped.
 */
export function writeFloorExtension(matches: string[]): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'ledgerlight-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Ledgerlight bench floor',
    version: '1.0',
    content_scripts: [{ matches, js: ['observe.js'], run_at: 'document_idle' }],
    // An empty worker, so the floor loads like any extension here (the harness waits for one).
    background: { service_worker: 'worker.js' },
  };
  writeFileSync(join(path, 'worker.js'), '');
  writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(path, 'observe.js'),
    `let added = 0;
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) added++;
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href', 'action', 'aria-label'] });
`,
  );
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
