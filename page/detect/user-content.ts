/**
 * Where users write: post and comment text, messages, bios, titles and names they chose. A control
 * or link inside these is something a person wrote, not a feature the site offers, so it is never
 * evidence. Generic markers first, then the hooks each site puts on its user text.
 */
const USER_CONTENT = [
  '[contenteditable="true"]',
  '[role="textbox"]',
  'blockquote',
  'p',
  '[data-ledgerlight-user-content]',
  // Facebook and Messenger post and message text
  '[data-ad-preview="message"]',
  '[data-ad-comet-preview="message"]',
  '[data-testid="post_message"]',
  '[data-testid="message-container"]',
  // Instagram captions
  'article h1',
  // WhatsApp message bubbles
  '.copyable-text',
  '.selectable-text',
  // X
  '[data-testid="tweetText"]',
  '[data-testid="UserDescription"]',
  '[data-testid="UserUrl"]',
  '[data-testid="UserName"]',
  '[data-testid="User-Name"]',
  // A link card is the preview of a URL someone put in a post
  '[data-testid="card.wrapper"]',
  // TikTok
  '[data-e2e="comment-level-1"]',
  '[data-e2e="comment-level-2"]',
  '[data-e2e="browse-video-desc"]',
  '[data-e2e="video-desc"]',
  '[data-e2e="user-bio"]',
  // YouTube titles, descriptions, comments and channel names are all written by uploaders
  '#content-text',
  '#video-title',
  '#video-title-link',
  'yt-attributed-string#description',
  'ytd-channel-name',
  '#author-text',
  // Reddit posts and comments
  '[slot="title"]',
  '[slot="full-post-link"]',
  '[slot="text-body"]',
  '[slot="comment"]',
  '.md',
  // LinkedIn posts and comments
  '.feed-shared-update-v2__description',
  '.update-components-text',
  '.comments-comment-item__main-content',
  // Pinterest pins: their titles and descriptions, and the pin card whose label is its title
  '[data-test-id="pin-description"]',
  '[data-test-id="pinWrapper"]',
  '[data-test-id="pinTitle"]',
  // Discord messages
  '[id^="message-content-"]',
  // Telegram messages
  '.text-content',
  '.bubble .message',
  // Snapchat chat messages
  '[data-testid="message-content"]',
].join(',');

/** Whether the element sits inside user-written content. */
export function isUserContent(element: Element): boolean {
  return element.closest(USER_CONTENT) !== null;
}

/** Whether user-written content sits inside the element, so its text is partly someone's words. */
export function containsUserContent(element: Element): boolean {
  return element.querySelector(USER_CONTENT) !== null;
}
