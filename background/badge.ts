import { browser } from 'wxt/browser';

/** The toolbar badge of a tab: the number of findings on it, empty when there are none. */
export async function showBadge(tabId: number, findings: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: findings > 0 ? String(findings) : '' });
    if (findings > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a4b08' });
  } catch {
    // The tab closed while we were matching: nothing to show it on.
  }
}
