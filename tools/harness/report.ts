import type { Page } from 'playwright-core';

/** A short text account of what the popup shows for a tab, for the demo report and test logs. */
export async function describeTab(popup: Page, url: string, badge: string): Promise<string[]> {
  const summary = (await popup.textContent('[data-testid="summary"]').catch(() => null)) ?? '(no summary)';
  const story = (await popup.$$eval('[data-testid="story"] .story-lead, [data-testid="story"] li', (parts) => parts.map((p) => p.textContent?.trim()).join(' · ')).catch(() => '')) || undefined;
  const findings = await popup.$$eval('[data-arrangement]', (rows) =>
    rows.map((row) => `  - ${row.querySelector('.row-title')?.textContent?.trim() ?? ''} (${row.querySelector('.row-status')?.textContent?.trim() ?? ''})`),
  );
  const more = (await popup.textContent('.show-more').catch(() => null))?.trim();
  return [`${url}`, `  badge: ${badge || '(empty)'}`, `  ${summary.trim()}`, ...(story ? [`  ${story}`] : []), ...findings, ...(more ? [`  (${more})`] : [])];
}
