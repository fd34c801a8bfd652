import { render } from 'preact';
import { browser } from 'wxt/browser';
import { transport } from '@/utils/transport';
import { Options } from '@/components/options/Options';
import { originPattern, type SiteAccess } from '@/components/options/site-access';
import { siteToAdd } from '@/components/options/site-to-add';
import '@/components/theme.css';

/**
 * The only browser.* calls the options page makes. 'scripting' is asked for with the site: the
 * background needs it to register the content script there, and only once a site is added.
 */
const access: SiteAccess = {
  request: (origin) => browser.permissions.request({ origins: [originPattern(origin)], permissions: ['scripting'] }),
  granted: (origin) => browser.permissions.contains({ origins: [originPattern(origin)], permissions: ['scripting'] }),
  requestPatterns: (patterns) => browser.permissions.request({ origins: patterns, permissions: ['scripting'] }),
};

// Read once, then taken off the address: reloading the page later must not offer the site again.
const proposedSite = siteToAdd(location.hash);
if (location.hash.startsWith('#add=')) history.replaceState(null, '', location.pathname + location.search);

render(<Options transport={transport} access={access} proposedSite={proposedSite} />, document.getElementById('app')!);
