import type { Platform } from './platform';
import { unwrapMetaLinkShim } from './meta-redirect';

export const messenger: Platform = {
  id: 'messenger',
  name: 'Messenger',
  owner: 'meta',
  hosts: ['www.messenger.com', 'messenger.com'],
  userContent: ['[data-testid="message-container"]'],
  unwrapRedirect: unwrapMetaLinkShim,
};
