import type { Platform } from './platform';

export const whatsapp: Platform = {
  id: 'whatsapp',
  name: 'WhatsApp',
  owner: 'meta',
  hosts: ['web.whatsapp.com', 'www.whatsapp.com', 'business.whatsapp.com'],
  // Message bubbles.
  userContent: ['.copyable-text', '.selectable-text'],
};
