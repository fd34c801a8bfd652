import { browser } from 'wxt/browser';
import { badgeText, type BadgeCount } from './badge-count';

/** The toolbar badge of a tab: the number of active findings on it, a neutral dot for a feature with none, empty when nothing was found. */
export async function showBadge(tabId: number, count: BadgeCount): Promise<void> {
  const text = badgeText(count);
  try {
    await browser.action.setBadgeText({ tabId, text });
    // Amber for findings; grey for the dot, which warns of nothing known.
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: count.findings > 0 ? '#8a4b08' : '#5c574b' });
  } catch {
    // The tab closed while we were matching: nothing to show it on.
  }
}
