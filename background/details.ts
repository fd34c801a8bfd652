import { browser } from 'wxt/browser';

/**
 * Shows a tab's findings when its in-page marker asks: the popup's page in a new tab, opened by
 * and pointed at the tab the marker came from. Not the toolbar popup itself: action.openPopup()
 * needs a user gesture in Firefox and can wait forever in Chromium when called from a message,
 * which would leave the user's click without an answer.
 */
export async function showDetails(tabId: number): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`), openerTabId: tabId });
}
