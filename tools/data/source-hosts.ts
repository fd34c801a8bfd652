/**
 * Where a source may not come from, and which sources count as first-hand. Kept in the repo, with
 * the reason for each, so that a reviewer can argue with a line rather than with a judgement call.
 */

/** Development and staging copies of a publisher's site: not what a reader can open tomorrow. */
export const STAGING_HOST = /(?:^|[.-])(?:stg|staging|stage|dev|develop|preview|test|qa)(?:[.-]|$)|\.go-vip\.net$|\.wpengine\.com$|\.pantheonsite\.io$/;

/**
 * Hosts that repost, mirror or summarise other publishers' work, or pages a reader cannot check
 * against the original. A source from one of these fails data:check; cite the original instead.
 * Wire copy (AFP, Reuters, IANS) has no page of its own, so a newspaper that prints it under the
 * agency's name is allowed, named as "Paper (Agency)".
 */
export const REPOST_HOSTS: Record<string, string> = {
  'fdocuments.net': 'document mirror: uploads of other people’s files',
  'www.pressreader.com': 'newspaper reprints: cite the newspaper’s own page',
  'pressreader.com': 'newspaper reprints: cite the newspaper’s own page',
  'www.marketscreener.com': 'aggregates wire and press-release text',
  'marketscreener.com': 'aggregates wire and press-release text',
  'seekingalpha.com': 'republishes press releases and filings; cite the issuer or the filing',
  'www.newser.com': 'summaries of other outlets’ stories',
  'newser.com': 'summaries of other outlets’ stories',
  'digitalpolicyalert.org': 'a tracker that summarises other documents',
  'what-is-privacy.com': 'summaries of other outlets’ stories',
  'seointel.com': 'an SEO blog rewriting news',
  'elinsys.com': 'a vendor blog rewriting news',
  'www.gobagtech.com': 'rewrites other outlets’ stories',
  'www.itechpost.com': 'rewrites other outlets’ stories',
  'ratanav-online.com': 'rewrites other outlets’ stories',
  'tradersdex.com': 'rewrites other outlets’ stories',
  'cryptoinsight.ae': 'rewrites other outlets’ stories',
  'r.darrennathanael.com': 'a personal link shortener and mirror',
  'mediaperceptionofsocialworkers.blogspot.com': 'a personal blog copying articles',
  'muslimparrot.com': 'rewrites other outlets’ stories',
  'lifestyle.diwarta.com': 'rewrites other outlets’ stories',
  'news.fresherslive.com': 'rewrites other outlets’ stories',
  'fintechranking.com': 'reposts other outlets’ articles',
  'blog.sesquibits.com': 'a personal blog summarising others’ reporting',
};

/**
 * Hosts whose pages are the party's or the authority's own words: regulators, legislators, courts
 * and the platforms' and firms' own newsrooms, documentation and code. A suffix matches the host or
 * any subdomain of it.
 */
export const FIRST_HAND_SUFFIXES = [
  '.gov', '.gov.uk', '.gov.in', '.go.kr', '.gov.br', '.europa.eu', 'bcb.gov.br', 'rbi.org.in', 'npci.org.in', 'fca.org.uk', 'sec.gov',
  'senate.gov', 'house.gov', 'nysenate.gov', 'uscourts.gov', 'docs.justia.com', 'assets.documentcloud.org', 'plaidsettlement.com',
  'about.fb.com', 'developers.facebook.com', 'business.whatsapp.com', 'faq.whatsapp.com', 'help.instagram.com', 'business.instagram.com',
  'about.instagram.com', 'newsroom.tiktok.com', 'ads.tiktok.com', 'business.tiktokshop.com', 'blog.youtube', 'blog.google', 'support.google.com',
  'engineering.linkedin.com', 'redditinc.com', 'discord.com', 'telegram.org', 'creators.snap.com', 'newsroom.snap.com', 'newsroom.pinterest.com',
  'stripe.com', 'newsroom.paypal-corp.com', 'sync.americanexpress.com',
];

/**
 * Repositories that are a party's own (its documentation, its schema, its code): first-hand even
 * though github.com as a whole is anyone's.
 */
export const FIRST_HAND_PREFIXES = ['https://github.com/discord/', 'https://github.com/braintree/', 'https://github.com/reddit-archive/'];

/** Copies of one site kept inside another's repository: cite the site's own address instead. */
export const REPOST_PREFIXES: Record<string, string> = {
  'https://github.com/MarshalX/telegram-crawler/': 'a crawler’s copy of telegram.org; cite the page at telegram.org',
};

/** Why a source is not an original, or undefined when nothing says so. */
export function repostReason(url: string): string | undefined {
  return REPOST_HOSTS[hostOf(url)] ?? Object.entries(REPOST_PREFIXES).find(([prefix]) => url.startsWith(prefix))?.[1];
}

export function hostOf(url: string): string {
  return new URL(url).hostname;
}

export function isFirstHand(url: string): boolean {
  if (FIRST_HAND_PREFIXES.some((prefix) => url.startsWith(prefix))) return true;
  const host = hostOf(url);
  return FIRST_HAND_SUFFIXES.some((s) => host === s.replace(/^\./, '') || host.endsWith(s.startsWith('.') ? s : `.${s}`));
}
