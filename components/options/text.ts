/**
 * The options page's English text, keyed as @wxt-dev/i18n keys will be (`options.sites.title`
 * is `options: sites: title:` in locales/en.yml), with $1…$9 for substitutions. Kept in one
 * place so the move to `i18n.t` is a change of import, not a hunt through components.
 */
const EN = {
  'options.title': 'Ledgerlight options',
  'options.nav': 'Sections',
  'options.loading': 'Loading your settings…',
  'options.saved': 'Saved.',
  'options.saveFailed': 'Your change was not saved. $1',

  'options.sites.title': 'Watched sites',
  'options.sites.pause': 'Pause watching everywhere',
  'options.sites.pausedNote': 'Ledgerlight looks at no page while paused. Your choices below are kept for when you turn it back on.',
  'options.sites.supported': 'Supported sites',

  'options.customSites.title': 'Sites you add',
  'options.customSites.explain':
    'Ledgerlight can watch another site too. When you add one, your browser asks you to allow Ledgerlight to read that site; until you allow it, the site is not watched.',
  'options.customSites.inputLabel': 'Site address',
  'options.customSites.add': 'Add and allow',
  'options.customSites.watched': 'Watched',
  'options.customSites.notGranted': 'Not watched: permission not granted in this browser',
  'options.customSites.allow': 'Allow $1',
  'options.customSites.remove': 'Remove',
  'options.customSites.removeLabel': 'Remove $1',
  'options.customSites.problem.invalid': '“$1” is not a site address. Type one such as https://social.example.',
  'options.customSites.problem.not_https': 'Ledgerlight only watches secure (https) sites; “$1” is not one.',
  'options.customSites.problem.built_in': '$1 is one of the supported sites: switch it on in the list above.',
  'options.customSites.problem.duplicate': '$1 is already in your list.',
  'options.customSites.problem.denied': 'The browser did not allow access to $1, so it is not watched.',

  'options.markers.title': 'On the page',
  'options.markers.show': 'Show a small marker next to each bank-linked feature',
  'options.markers.hiddenOn': 'Sites where markers are hidden',
  'options.markers.hiddenOnSite': 'Markers hidden on $1',
  'options.markers.showAgain': 'Show them again',

  'options.list.title': 'Arrangement list',
  'options.list.explain':
    'The known data-sharing arrangements between platforms and financial firms that Ledgerlight looks findings up in. It is stored on this device only.',
  'options.list.search': 'Search',
  'options.list.platform': 'Platform',
  'options.list.partner': 'Partner',
  'options.list.status': 'Status',
  'options.list.region': 'Region',
  'options.list.any': 'Any',
  'options.list.global': 'Worldwide',
  'options.list.count': 'Showing $1 of $2 arrangements (list version $3).',
  'options.list.export': 'Export the list',

  'options.detail.back': 'Back to the list',
  'options.detail.anySite': 'any site',
  'options.detail.platform': 'Platform',
  'options.detail.partners': 'Partners',
  'options.detail.features': 'Features',
  'options.detail.regions': 'Regions',
  'options.detail.status': 'Status',
  'options.detail.since': 'since $1',
  'options.detail.between': 'from $1 to $2',
  'options.detail.reviewed': 'Last reviewed',
  'options.detail.unverified': 'not every fact is verified against a source',
  'options.detail.flows': 'What data goes where',
  'options.detail.flow': '$1 sends $2: $3.',
  'options.detail.scores': 'Privacy scores (0 worst, 4 best)',
  'options.detail.scoreValue': '$1 of 4',
  'options.detail.statements': 'What the parties said',
  'options.detail.sourceRef': '(source $1, $2)',
  'options.detail.controls': 'What you can do',
  'options.detail.sources': 'Sources',

  'options.import.label': 'Import a list file',
  'options.import.checking': 'Checking $1…',
  'options.import.refused': '$1 was not imported, and your list is unchanged. $2',
  'options.import.failed': 'Nothing was imported. $1',
  'options.import.previewTitle': 'Before importing $1 (version $2)',
  'options.import.summary': 'New entries: $1. Changed entries: $2. Same as yours: $3. Nothing is written until you choose Import.',
  'options.import.added.arrangements': 'New arrangements',
  'options.import.added.entities': 'New firms and platforms',
  'options.import.added.rules': 'New detection rules',
  'options.import.changed.arrangements': 'Changed arrangements',
  'options.import.changed.entities': 'Changed firms and platforms',
  'options.import.changed.rules': 'Changed detection rules',
  'options.import.confirm': 'Import',
  'options.import.done': 'Imported version $3: $1 added, $2 changed.',

  'options.reset.start': 'Reset to the bundled list…',
  'options.reset.question': 'Drop every entry you imported and go back to the list that came with Ledgerlight?',
  'options.reset.confirm': 'Yes, reset the list',
  'options.reset.done': 'The list is back to the one bundled with Ledgerlight.',

  'options.confirm.cancel': 'Cancel',

  'options.history.title': 'History',
  'options.history.explain':
    'Ledgerlight counts, per day, the kinds of bank-linked features it found on each site. It stays on this device.',
  'options.history.keep': 'Keep history for',
  'options.history.days': '$1 days',
  'options.history.notKept': 'Do not keep history',
  'options.history.recordUrls': 'Also record the addresses of the pages',
  'options.history.recordUrlsNote':
    'Off by default. Addresses can reveal who you talk to and what you buy; with this off, only the counts are kept.',
  'options.history.off': 'History is not kept. Choose a period above to start keeping it.',
  'options.history.feature': 'Feature',
  'options.history.platform': 'Site',
  'options.history.allFeatures': 'All features',
  'options.history.allPlatforms': 'All sites',
  'options.history.otherSites': 'Sites you added',
  'options.history.chartSummary': 'Features found over the last $2 days: $1. Busiest day: $3, with $4.',
  'options.history.chartEmpty': 'Nothing found over the last $1 days.',
  'options.history.barTitle': '$1: $2',
  'options.history.asTable': 'Show the numbers as a table',
  'options.history.tableCaption': 'Features found per day and site',
  'options.history.day': 'Day',
  'options.history.count': 'Times found',
  'options.history.empty': 'Nothing recorded yet.',
  'options.history.exportCsv': 'Export as CSV',
  'options.history.exportJson': 'Export as JSON',
  'options.history.clear': 'Erase history…',
  'options.history.clearQuestion': 'Erase all of Ledgerlight’s history on this device? This cannot be undone.',
  'options.history.clearConfirm': 'Yes, erase history',
  'options.history.cleared': 'History erased.',

  'options.clearAll.title': 'Your data',
  'options.clearAll.explain':
    'Remove everything Ledgerlight has stored: imported lists, history, findings on open tabs, your settings and the sites you added (their permissions are released). The bundled list is put back.',
  'options.clearAll.start': 'Clear everything…',
  'options.clearAll.question': 'Clear everything Ledgerlight has stored on this device? This cannot be undone.',
  'options.clearAll.confirm': 'Yes, clear everything',
  'options.clearAll.done': 'Everything Ledgerlight stored has been cleared.',
} as const;

export type TextKey = keyof typeof EN;

export function t(key: TextKey, substitutions: readonly string[] = []): string {
  return EN[key].replace(/\$([1-9])/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
}
