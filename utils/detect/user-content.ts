/**
 * Where users write: post and comment text, messages, bios, editors. A control or link inside
 * these is something a person wrote, not a feature the site offers, so it is never evidence.
 * Generic markers first, then the hooks each site puts on its user text.
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
  // X
  '[data-testid="tweetText"]',
  '[data-testid="UserDescription"]',
  // Instagram, TikTok, YouTube, Reddit, LinkedIn, Pinterest, Discord, Telegram captions and comments
  '[data-e2e="comment-level-1"]',
  '[data-e2e="browse-video-desc"]',
  '#content-text',
  'yt-attributed-string#description',
  '[slot="text-body"]',
  '[slot="comment"]',
  '.md',
  '.feed-shared-update-v2__description',
  '[data-test-id="pin-description"]',
  '[id^="message-content-"]',
  '.text-content',
].join(',');

export function isUserContent(element: Element): boolean {
  return element.closest(USER_CONTENT) !== null;
}
