import type { Platform } from './platform';

export const tiktok: Platform = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: ['www.tiktok.com', 'm.tiktok.com', 'shop.tiktok.com', 'seller-us.tiktok.com'],
  userContent: ['[data-e2e="comment-level-1"]', '[data-e2e="comment-level-2"]', '[data-e2e="browse-video-desc"]', '[data-e2e="video-desc"]', '[data-e2e="user-bio"]'],
};
