import type { Platform } from './platform';

export const linkedin: Platform = {
  id: 'linkedin',
  name: 'LinkedIn',
  owner: 'microsoft',
  hosts: ['www.linkedin.com'],
  userContent: ['.feed-shared-update-v2__description', '.update-components-text', '.comments-comment-item__main-content'],
};
