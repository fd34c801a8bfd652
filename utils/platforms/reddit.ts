import type { Platform } from './platform';

export const reddit: Platform = {
  id: 'reddit',
  name: 'Reddit',
  hosts: ['www.reddit.com', 'old.reddit.com', 'new.reddit.com', 'sh.reddit.com'],
  // Post titles and bodies and comments on the new site (slots) and old.reddit (.md).
  userContent: ['[slot="title"]', '[slot="full-post-link"]', '[slot="text-body"]', '[slot="comment"]', '.md'],
};
