import type { Platform } from './platform';

export const discord: Platform = {
  id: 'discord',
  name: 'Discord',
  hosts: ['discord.com', 'ptb.discord.com', 'canary.discord.com'],
  userContent: ['[id^="message-content-"]'],
};
