import type { Platform } from './platform';
import { unwrapMetaLinkShim } from './meta-redirect';

export const facebook: Platform = {
  id: 'facebook',
  name: 'Facebook',
  owner: 'meta',
  // Meta keeps saved payment methods in Accounts Center since 2025 and ad billing in Ads Manager.
  hosts: ['www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'business.facebook.com', 'mbasic.facebook.com', 'secure.facebook.com', 'adsmanager.facebook.com', 'accountscenter.facebook.com'],
  // Post text, in the feed and in ad previews.
  userContent: ['[data-ad-preview="message"]', '[data-ad-comet-preview="message"]', '[data-testid="post_message"]'],
  unwrapRedirect: unwrapMetaLinkShim,
};
