import { PLATFORMS } from '../../utils/platforms';

/**
 * Where users write: post and comment text, messages, bios, titles and names they chose. A control
 * or link inside these is something a person wrote, not a feature the site offers, so it is never
 * evidence. Generic markers first, then the hooks each site puts on its user text (in its file in
 * utils/platforms/). One selector for all sites: one closest() call per element is cheaper than one
 * per site, and a site's hooks do not occur on another's pages.
 */
const USER_CONTENT = ['[contenteditable="true"]', '[role="textbox"]', 'blockquote', 'p', '[data-ledgerlight-user-content]', ...PLATFORMS.flatMap((p) => p.userContent)].join(',');

/** Whether the element sits inside user-written content. */
export function isUserContent(element: Element): boolean {
  return element.closest(USER_CONTENT) !== null;
}

/** Whether user-written content sits inside the element, so its text is partly someone's words. */
export function containsUserContent(element: Element): boolean {
  return element.querySelector(USER_CONTENT) !== null;
}
