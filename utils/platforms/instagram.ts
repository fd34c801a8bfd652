import type { Platform } from './platform';
import { unwrapMetaLinkShim } from './meta-redirect';

export const instagram: Platform = {
  id: 'instagram',
  name: 'Instagram',
  owner: 'meta',
  hosts: ['www.instagram.com', 'accountscenter.instagram.com'],
  // Captions are the post's h1.
  userContent: ['article h1'],
  unwrapRedirect: unwrapMetaLinkShim,
};
