import type { Page } from 'playwright-core';

/** A short text account of what the popup shows for a tab, for the demo report and test logs. */
export async function describeTab(popup: Page, url: string, badge: string): Promise<string[]> {
  const summary = (await popup.textContent('[data-testid="summary"]').catch(() => null)) ?? '(no summary)';
  const findings = await popup.$$eval('[data-arrangement]', (cards) =>
    cards.map((card) => {
      const title = card.querySelector('h2, h3')?.textContent?.trim() ?? '';
      const partners = card.querySelector('.partners')?.textContent?.trim() ?? '';
      return `  - ${title}${partners ? ` (with ${partners})` : ''}`;
    }),
  );
  return [`${url}`, `  badge: ${badge || '(empty)'}`, `  ${summary.trim()}`, ...findings];
}
