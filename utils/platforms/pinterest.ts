import type { Platform } from './platform';

export const pinterest: Platform = {
  id: 'pinterest',
  name: 'Pinterest',
  hosts: ['www.pinterest.com', 'pinterest.com', 'www.pinterest.co.uk', 'br.pinterest.com', 'in.pinterest.com', 'de.pinterest.com', 'es.pinterest.com', 'fr.pinterest.com'],
  // Pin titles and descriptions, and the pin card whose label is its title.
  userContent: ['[data-test-id="pin-description"]', '[data-test-id="pinWrapper"]', '[data-test-id="pinTitle"]'],
};
