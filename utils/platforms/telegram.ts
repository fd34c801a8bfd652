import type { Platform } from './platform';

export const telegram: Platform = {
  id: 'telegram',
  name: 'Telegram',
  hosts: ['web.telegram.org'],
  userContent: ['.text-content', '.bubble .message'],
};
