import type { Platform } from './platform';

export const snapchat: Platform = {
  id: 'snapchat',
  name: 'Snapchat',
  owner: 'snap',
  hosts: ['web.snapchat.com', 'www.snapchat.com', 'accounts.snapchat.com'],
  userContent: ['[data-testid="message-content"]'],
};
